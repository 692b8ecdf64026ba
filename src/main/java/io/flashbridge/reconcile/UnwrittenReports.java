package io.flashbridge.reconcile;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Files the ERP's inbox refused (status files and deposit reports): one warning line each, saying
 * which file, why and what happens next, and a count in {@code flashbridge_reports_failed_total}
 * by {@code report} kind. No stack trace: the reason is the SFTP server's answer.
 */
@Component
class UnwrittenReports {

    private static final Logger log = LoggerFactory.getLogger(UnwrittenReports.class);

    private final Counter statusFiles;
    private final Counter depositReports;

    UnwrittenReports(MeterRegistry meters) {
        this.statusFiles = counter(meters, "status");
        this.depositReports = counter(meters, "deposits");
    }

    void statusFile(String fileName, Exception cause) {
        statusFiles.increment();
        log.warn("Status file {} not written to the ERP's inbox: {}; it is written again when next due", fileName, reason(cause));
    }

    void depositReport(String fileName, String next, Exception cause) {
        depositReports.increment();
        log.warn("Deposit report {} not written to the ERP's inbox: {}; {}", fileName, reason(cause), next);
    }

    private static Counter counter(MeterRegistry meters, String report) {
        return Counter.builder("flashbridge.reports.failed")
                .description("Status files and deposit reports the ERP's inbox refused (each is written again when next due)")
                .tag("report", report)
                .register(meters);
    }

    private static String reason(Exception cause) {
        return cause == null ? "unknown reason" : cause.getMessage();
    }
}
