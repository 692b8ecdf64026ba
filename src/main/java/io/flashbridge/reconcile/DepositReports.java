package io.flashbridge.reconcile;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.flashbridge.ledger.Deposit;
import io.flashbridge.ledger.DepositStore;
import io.flashbridge.output.CsvText;
import io.flashbridge.output.OutputNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Deposit reports for the ERP: one line per deposit created on a business day (in
 * {@code flashbridge.deposits.zone}), with the payer's reference that finance matches invoices on.
 * The end-of-day file {@code deposits-<yyyyMMdd>.csv} is written once the day is over (also when no
 * money came); intraday files {@code deposits-<yyyyMMdd>-<HHmmss>.csv} show the day so far.
 */
@Component("depositReports")
public class DepositReports {

    static final List<String> HEADER = List.of("flash_id", "created_at", "status", "amount", "fee", "currency", "payer_name",
            "payer_bsb", "payer_account", "reference", "van_bsb", "van_account", "sub_client_id", "sub_client_external_id",
            "sub_client_name", "status_message", "cleared_at", "refund_amount", "refunded_at");
    private static final Logger log = LoggerFactory.getLogger(DepositReports.class);
    /** How many past days the end-of-day report catches up on after the bridge was stopped. */
    private static final int CATCH_UP_DAYS = 7;

    /** A deposit report to write to the inbox; {@code endOfDay} is the day it closes, or null for an intraday file. */
    public record DepositReport(String fileName, String content, LocalDate endOfDay, int deposits, BigDecimal total) {}

    private final DepositStore deposits;
    private final ZoneId zone;
    private final Clock clock;
    private final UnwrittenReports unwritten;

    @Autowired
    DepositReports(DepositStore deposits, @Value("${flashbridge.deposits.zone:Australia/Sydney}") ZoneId zone,
                   UnwrittenReports unwritten) {
        this(deposits, zone, Clock.systemUTC(), unwritten);
    }

    DepositReports(DepositStore deposits, ZoneId zone, Clock clock, UnwrittenReports unwritten) {
        this.deposits = deposits;
        this.zone = zone;
        this.clock = clock;
        this.unwritten = unwritten;
    }

    /** Today's deposits so far, when there are any. */
    public List<DepositReport> intraday() {
        ZonedDateTime now = clock.instant().atZone(zone);
        LocalDate today = now.toLocalDate();
        List<Deposit> sofar = ofDay(today);
        if (sofar.isEmpty()) {
            return List.of();
        }
        return List.of(report(OutputNames.intradayDepositReport(today, now.toLocalTime()), sofar, null));
    }

    /** End-of-day files for the finished days not yet reported (at most a week back, not before the first deposit). */
    public List<DepositReport> endOfDay() {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        Optional<LocalDate> firstDay = deposits.oldestCreatedAt().map(at -> at.atZone(zone).toLocalDate());
        if (firstDay.isEmpty()) {
            return List.of();
        }
        List<DepositReport> reports = new ArrayList<>();
        for (LocalDate day = max(firstDay.get(), today.minusDays(CATCH_UP_DAYS)); day.isBefore(today); day = day.plusDays(1)) {
            if (!deposits.endOfDayWritten(day)) {
                reports.add(report(OutputNames.depositReport(day), ofDay(day), day));
            }
        }
        return reports;
    }

    /** Called once the file is in the inbox. */
    public void written(DepositReport report) {
        if (report.endOfDay() != null) {
            deposits.markEndOfDayWritten(report.endOfDay());
        }
        log.info("Deposit report {}: {} deposits, {} in all", report.fileName(), report.deposits(), report.total());
    }

    /** Called when the inbox refused the file: an end-of-day file stays due; an intraday one is superseded by the next. */
    public void notWritten(DepositReport report, Exception cause) {
        unwritten.depositReport(report.fileName(), report.endOfDay() != null, cause);
    }

    private List<Deposit> ofDay(LocalDate day) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        return deposits.createdBetween(from, to);
    }

    private static DepositReport report(String name, List<Deposit> day, LocalDate endOfDay) {
        StringBuilder csv = new StringBuilder(128 + day.size() * 200);
        csv.append(CsvText.line(HEADER));
        BigDecimal total = BigDecimal.ZERO;
        for (Deposit deposit : day) {
            total = total.add(deposit.amount());
            csv.append(CsvText.line(Arrays.asList(deposit.flashId(), text(deposit.createdAt()), deposit.status().name(),
                    money(deposit.amount()), money(deposit.fee()), deposit.currency(), deposit.payerName(), deposit.payerBsb(),
                    deposit.payerAccount(), deposit.reference(), deposit.vanBsb(), deposit.vanAccount(), deposit.subClientId(),
                    deposit.subClientExternalId(), deposit.subClientName(), deposit.statusMessage(), text(deposit.clearedAt()),
                    money(deposit.refundAmount()), text(deposit.refundedAt()))));
        }
        return new DepositReport(name, csv.toString(), endOfDay, day.size(), total);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static String money(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
