package io.flashbridge.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.CsvLines;
import io.flashbridge.support.ErpTestSupport;
import io.flashbridge.support.FxPaymentRows;
import io.flashbridge.support.SandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Flash carried out the create but its answer was lost (HTTP 504 after the fact), and this client's
 * Flash ignores idempotency keys: the bridge finds the withdrawal or payment by its externalId
 * before sending again, so exactly one exists.
 */
@BridgeTest
@TestPropertySource(properties = {"flashbridge.poller.period=500", "flashbridge.poller.quiet-for=500"})
class LostAnswerTest extends ErpTestSupport {

    private static final String CLIENT = "lost-" + UUID.randomUUID().toString().substring(0, 8) + "@flashbridge.local";
    private static final String PASSWORD = "lost-answer-password";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void clientWhoseFlashIgnoresKeys(DynamicPropertyRegistry registry) {
        registry.add("flash.email", () -> {
            SandboxServer.shared().admin("POST", "clients", Map.of("email", CLIENT, "password", PASSWORD,
                    "companyName", "Forgetful Keys Pty Ltd", "balances", Map.of("AUD", new BigDecimal("100000.00")),
                    "ignoreIdempotencyKeys", true));
            return CLIENT;
        });
        registry.add("flash.password", () -> PASSWORD);
    }

    @Override
    protected String flashClient() {
        return CLIENT;
    }

    /** No webhook reaches the bridge: only the look-up before a resend (then the poller) can tell it what Flash did. */
    @BeforeEach
    void sendFlashWebhooksWhereNothingListens() {
        SandboxServer.shared().sendWebhooksNowhere(CLIENT);
    }

    @AfterEach
    void clearFaults() {
        SandboxServer.shared().admin("DELETE", "faults", null);
    }

    @Test
    void paysAWithdrawalWhoseAnswerWasLostOnceEvenThoughFlashIgnoresTheKey() throws Exception {
        String paymentId = "LOST-" + run;
        SandboxServer.shared().admin("POST", "faults", Map.of("kind", "LOST_ANSWER", "count", 1, "operation", "createWithdrawal", "client", CLIENT));
        String name = "lost-" + run;
        erp.drop("outbox/payouts", name + ".csv", (CsvLines.PAYOUT_HEADER
                + paymentId + ",15.00,AUD,062000,12345678,Katarina Oreiro,,,LOST,,,\r\n").getBytes(StandardCharsets.UTF_8));

        Map<String, String> row = CsvLines.byPaymentId(erp.awaitFinalStatus(name, PATIENCE)).get(paymentId);

        assertThat(row).containsEntry("status", "CONFIRMED");
        assertThat(SandboxServer.shared().withdrawalsByExternalId(CLIENT, PASSWORD)).containsEntry(paymentId, 1);
        assertThat(audit(paymentId)).contains("found by externalId");
    }

    @Test
    void makesAnFxPaymentWhoseAnswerWasLostOnceEvenThoughFlashIgnoresTheKey() throws Exception {
        String paymentId = "LOSTFX-" + run;
        SandboxServer.shared().admin("POST", "faults", Map.of("kind", "LOST_ANSWER", "count", 1, "operation", "createPayment", "client", CLIENT));
        String name = "lost-fx-" + run;
        erp.drop("outbox/payments", name + ".csv", FxPaymentRows.csv(FxPaymentRows.euroRow(paymentId, "100.00", "LOST", "R-" + run)));

        Map<String, String> row = CsvLines.byPaymentId(erp.awaitFinalStatus(name, PATIENCE)).get(paymentId);

        assertThat(row).containsEntry("status", "CLOSED");
        String token = SandboxServer.shared().awaitToken(CLIENT, PASSWORD);
        List<String> payments = SandboxServer.shared().query(token, "{ payments { externalId } }").path("payments")
                .findValuesAsText("externalId");
        assertThat(payments.stream().filter(paymentId::equals)).hasSize(1);
        assertThat(audit(paymentId)).contains("found by externalId");
    }

    private List<String> audit(String paymentId) {
        return jdbc.queryForList("select a.event from audit a join instruction i on i.id = a.instruction_id where i.payment_id = ?",
                String.class, paymentId);
    }
}
