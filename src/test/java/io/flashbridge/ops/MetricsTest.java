package io.flashbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.CsvLines;
import io.flashbridge.support.ErpTestSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.TestPropertySource;

/** The scrape endpoint after a batch: intake rows, Flash calls with latency buckets, webhooks, ledger gauges, time to final. */
@BridgeTest
@AutoConfigureObservability
@TestPropertySource(properties = "flashbridge.metrics.ledger-period=200")
class MetricsTest extends ErpTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    private TestRestTemplate http;

    @Test
    void exposesIntakeFlashWebhookAndLedgerMetricsAfterABatch() throws Exception {
        String name = "metrics-" + run;
        erp.drop("outbox/payouts", name + ".csv", (CsvLines.PAYOUT_HEADER
                + "MT-" + run + "-1,12.00,AUD,062000,12345678,Katarina Oreiro,,,METRICS,,,\r\n"
                + "MT-" + run + "-2,-1,AUD,062000,12345678,Katarina Oreiro,,,METRICS,,,\r\n").getBytes(StandardCharsets.UTF_8));
        erp.awaitFinalStatus(name, PATIENCE);

        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> {
            String scrape = http.withBasicAuth("viewer", "viewer").getForObject("/actuator/prometheus", String.class);
            assertThat(value(scrape, "flashbridge_intake_rows_total\\{channel=\"file\",outcome=\"accepted\",source=\"erp\"}"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(scrape, "flashbridge_intake_rows_total\\{channel=\"file\",outcome=\"rejected\",source=\"erp\"}"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(scrape, "flashbridge_flash_calls_seconds_count\\{operation=\"createWithdrawal\",outcome=\"ok\"}"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(scrape).contains("flashbridge_flash_calls_seconds_bucket{operation=\"createWithdrawal\",outcome=\"ok\",le=");
            assertThat(value(scrape, "flashbridge_webhooks_received_total\\{channel=\"[a-z]+\",duplicate=\"false\"}"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(scrape, "flashbridge_instructions\\{kind=\"WITHDRAWAL\",source=\"erp\",status=\"CONFIRMED\"}"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(scrape, "flashbridge_instructions_time_to_final_seconds_count\\{kind=\"WITHDRAWAL\"}"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(scrape, "flashbridge_ledger_file_size_bytes")).isGreaterThan(0);
            assertThat(value(scrape, "flashbridge_ledger_file_used")).isBetween(0.0, 1.0);
            assertThat(value(scrape, "flashbridge_ledger_file_forced")).isEqualTo(1.0);
            assertThat(scrape).contains("flashbridge_instructions_parked ", "flashbridge_instructions_awaiting_funds ",
                    "flashbridge_instructions_waiting ");
        });
    }

    private static double value(String scrape, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + series + " ([0-9.E+-]+)$").matcher(scrape);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    }
}
