package io.flashbridge.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.CsvLines;
import io.flashbridge.support.ErpTestSupport;
import io.flashbridge.support.SandboxServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The files under {@code samples/} that the README's tour uses: the bridge's answers to
 * {@code payouts.csv}, {@code payroll.aba} and {@code payments.csv} are exactly the {@code *.expected.*} files, apart
 * from the Flash ids and times that differ on every run. Payment ids get this test's run id so the
 * test owns its payouts.
 */
@BridgeTest
class SamplesTest extends ErpTestSupport {

    private static final Path SAMPLES = Path.of("samples");
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final List<String> CHANGING_COLUMNS = List.of("flash_id", "updated_at");

    @Test
    void answersThePayoutsSampleAsItsExpectedFilesShow() throws IOException {
        String name = "payouts-" + run;
        erp.drop("outbox/payouts", name + ".csv", ownIds(sample("payouts.csv")).getBytes(StandardCharsets.UTF_8));

        assertThat(CsvLines.parse(erp.awaitAck(name, PATIENCE))).isEqualTo(CsvLines.parse(ownIds(sample("payouts.expected.ack.csv"))));
        String held = "PAY-" + run + "-1004";
        Awaitility.await().atMost(PATIENCE).until(() -> "REVIEWING".equals(statusOf(held)));
        SandboxServer.shared().admin("POST", "withdrawals/" + flashIdOf(held) + "/approve", null);

        assertThat(withoutChangingColumns(erp.awaitFinalStatus(name, PATIENCE)))
                .isEqualTo(withoutChangingColumns(ownIds(sample("payouts.expected.status.csv"))));
    }

    @Test
    void answersThePayrollAbaSampleAsItsExpectedFilesShow() throws IOException {
        String name = "payroll-" + run;
        erp.drop("outbox/payouts", name + ".aba", Files.readAllBytes(SAMPLES.resolve("payroll.aba")));

        assertThat(CsvLines.parse(erp.awaitAck(name, PATIENCE))).isEqualTo(CsvLines.parse(sample("payroll.expected.ack.csv")));
        assertThat(withoutChangingColumns(erp.awaitFinalStatus(name, PATIENCE)))
                .isEqualTo(withoutChangingColumns(sample("payroll.expected.status.csv")));
    }

    @Test
    void answersThePaymentsSampleAsItsExpectedFilesShow() throws IOException {
        String name = "payments-" + run;
        erp.drop("outbox/payments", name + ".csv", ownIds(sample("payments.csv")).getBytes(StandardCharsets.UTF_8));

        String ack = erp.awaitAck(name, PATIENCE);
        String status = erp.awaitFinalStatus(name, PATIENCE);
        assertThat(CsvLines.parse(ack)).isEqualTo(CsvLines.parse(ownIds(sample("payments.expected.ack.csv"))));
        assertThat(withoutChangingColumns(status)).isEqualTo(withoutChangingColumns(ownIds(sample("payments.expected.status.csv"))));
    }

    private String ownIds(String text) {
        return text.replace("PAY-10", "PAY-" + run + "-10").replace("PAY-20", "PAY-" + run + "-20");
    }

    private static String sample(String file) throws IOException {
        return Files.readString(SAMPLES.resolve(file), StandardCharsets.UTF_8);
    }

    private static List<Map<String, String>> withoutChangingColumns(String csv) {
        List<Map<String, String>> rows = CsvLines.parse(csv);
        rows.forEach(row -> {
            CHANGING_COLUMNS.forEach(column -> assertThat(row).containsKey(column));
            row.keySet().removeAll(CHANGING_COLUMNS);
        });
        return rows;
    }

    private String statusOf(String paymentId) {
        return jdbc.queryForList("select status from instruction where payment_id = ?", String.class, paymentId)
                .stream().findFirst().orElse(null);
    }

    private String flashIdOf(String paymentId) {
        return jdbc.queryForObject("select flash_id from instruction where payment_id = ?", String.class, paymentId);
    }
}
