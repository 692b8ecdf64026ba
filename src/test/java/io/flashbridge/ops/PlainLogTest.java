package io.flashbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.CsvLines;
import io.flashbridge.support.ErpTestSupport;
import org.junit.jupiter.api.Test;

/** The plain log names the payment a line is about, as the structured formats do from the MDC. */
@BridgeTest
class PlainLogTest extends ErpTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The tests log as the bridge does, also into this file (logback-test.xml). */
    private static final Path SUITE_LOG = Path.of("target/test-logs/suite.log");

    @Test
    void prefixesALineAboutAPayoutWithItsPaymentIdAndOtherLinesWithNothing() throws Exception {
        String name = "plain-log-" + run;
        String paymentId = "PL-" + run;
        erp.drop("outbox/payouts", name + ".csv", (CsvLines.PAYOUT_HEADER
                + paymentId + ",12.00,AUD,062000,12345678,Katarina Oreiro,,,LOGS,,,\r\n").getBytes(StandardCharsets.UTF_8));
        erp.awaitFinalStatus(name, PATIENCE);

        List<String> lines;
        try (Stream<String> log = Files.lines(SUITE_LOG, StandardCharsets.ISO_8859_1)) {
            lines = log.filter(line -> line.contains(name) || line.contains(paymentId)).toList();
        }
        assertThat(lines).anyMatch(line -> line.contains("[" + paymentId + "] ") && line.contains("sent to Flash"));
        assertThat(lines).noneMatch(line -> line.contains("[] "));
    }
}
