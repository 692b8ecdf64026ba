package io.flashbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.CsvLines;
import io.flashbridge.support.ErpTestSupport;
import io.flashbridge.support.SandboxServer;
import io.flashbridge.support.WebhookClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Events bind to the payout they are about: forged, misdirected and far-future events change nothing they may not. */
@BridgeTest
class ForgedEventsTest extends ErpTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    @Autowired
    private MeterRegistry meters;
    private WebhookClient webhooks;

    @BeforeEach
    void webhookClient() {
        webhooks = new WebhookClient(port);
    }

    @Test
    void refusesACallbackCarryingOnePayoutsTokenAndAnotherPayoutsWithdrawal() throws IOException {
        String name = "forged-" + run;
        String paid = "PAY-" + run + "-1001";
        String held = "PAY-" + run + "-1004";
        dropAndAwaitReview(name, paid + ",10.00,AUD,062000,12345678,Katarina Oreiro,,,INV-1001,,,\r\n"
                + held + ",40.00,AUD,062000,12345678,Sam Halt,,,HALT_AML,,,\r\n", held);
        String heldFlashId = flashId(held);
        double refusedBefore = refusedCount();

        var forged = webhooks.callback("{\"event\":\"withdrawal_cancelled\",\"id\":\"" + heldFlashId + "\",\"externalId\":\"" + paid
                + "\",\"rejectCode\":\"FORGED\",\"eventScheduledAt\":\"2099-01-01T00:00:00.000Z\"}", paid);

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(status(held)).isEqualTo("REVIEWING");
        assertThat(jdbc.queryForObject("select count(*) from webhook_event where body like ?", Integer.class, "%FORGED%")).isZero();
        assertThat(refusedCount()).isGreaterThan(refusedBefore);
        SandboxServer.shared().admin("POST", "withdrawals/" + heldFlashId + "/approve", null);
        Map<String, Map<String, String>> status = CsvLines.byPaymentId(erp.awaitFinalStatus(name, PATIENCE));
        assertThat(status.get(held)).containsEntry("status", "CONFIRMED").containsEntry("reject_code", "");
        assertThat(status.get(paid)).containsEntry("status", "CONFIRMED");
    }

    @Test
    void refusesACallbackWhoseTokenIsForAnotherPaymentId() {
        var response = webhooks.callback("{\"event\":\"withdrawal_completed\",\"id\":\"abc\",\"externalId\":\"P-" + run + "\"}",
                "someone-else");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void refusesACallbackForAPaymentTheBridgeNeverSent() {
        String unknown = "NEVER-" + run;

        var response = webhooks.callback("{\"event\":\"withdrawal_completed\",\"id\":\"abc\",\"externalId\":\"" + unknown + "\"}",
                unknown);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void acceptsACallbackAboutItsOwnPayout() throws IOException {
        String paymentId = heldPayout("OWN");

        var response = webhooks.callback(eventNow("withdrawal_cancelled", paymentId, ",\"rejectCode\":\"COMPLIANCE_DECLINED\""),
                paymentId);

        assertThat(response.statusCode()).isEqualTo(200);
        Awaitility.await().atMost(PATIENCE).until(() -> "CANCELLED".equals(status(paymentId)));
    }

    @Test
    void ordersAnEventFromTheFarFutureByItsArrivalSoLaterEventsStillApply() throws IOException {
        String name = "future-" + run;
        String paymentId = "FUT-" + run;
        dropAndAwaitReview(name, paymentId + ",10.00,AUD,062000,12345678,Sam Halt,,,HALT_AML,,,\r\n", paymentId);
        String flashId = flashId(paymentId);

        var future = webhooks.signed("{\"event\":\"withdrawal_pending\",\"id\":\"" + flashId + "\",\"externalId\":\"" + paymentId
                + "\",\"eventScheduledAt\":\"2099-01-01T00:00:00.000Z\"}", "future-" + run);
        assertThat(future.statusCode()).isEqualTo(200);
        Awaitility.await().atMost(PATIENCE).until(() -> "PENDING".equals(status(paymentId)));
        SandboxServer.shared().admin("POST", "withdrawals/" + flashId + "/approve", null);

        Awaitility.await().atMost(PATIENCE).until(() -> "CONFIRMED".equals(status(paymentId)));
        assertThat(jdbc.queryForObject("select last_event_at < timestamp with time zone '2030-01-01 00:00:00+00' from instruction "
                + "where payment_id = ?", Boolean.class, paymentId)).isTrue();
    }

    @Test
    void appliesAPayoutEventInTheCommitThatStoresItBeforeAnswering() throws IOException {
        String paymentId = heldPayout("INLINE");

        var response = webhooks.signed(eventNow("withdrawal_pending", paymentId, ""), "inline-" + run);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(status(paymentId)).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("select count(*) from audit where request_id = ? and to_status = 'PENDING'", Integer.class,
                "inline-" + run)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from webhook_pending where request_id = ?", Integer.class, "inline-" + run))
                .isZero();
    }

    @Test
    void refusesAWebhookMovingAPayoutThatIsNotTheOneItNames() throws IOException {
        String name = "misnamed-" + run;
        String held = "MIS-" + run + "-1";
        String other = "MIS-" + run + "-2";
        dropAndAwaitReview(name, held + ",10.00,AUD,062000,12345678,Sam Halt,,,HALT_AML,,,\r\n"
                + other + ",11.00,AUD,062000,12345678,Ann Lee,,,HALT_AML,,,\r\n", held, other);

        var response = webhooks.signed("{\"event\":\"withdrawal_cancelled\",\"id\":\"" + flashId(held) + "\",\"externalId\":\""
                + other + "\",\"eventScheduledAt\":\"" + java.time.Instant.now() + "\"}", "misnamed-" + run);

        assertThat(response.statusCode()).isEqualTo(200);
        Awaitility.await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "select count(*) from webhook_pending where request_id = ?", Integer.class, "misnamed-" + run) == 0);
        assertThat(status(held)).isEqualTo("REVIEWING");
        assertThat(status(other)).isEqualTo("REVIEWING");
    }

    /** Drops a one-row payout file that Flash holds for review; answers its payment id once it is held. */
    private String heldPayout(String prefix) throws IOException {
        String paymentId = prefix + "-" + run;
        dropAndAwaitReview(prefix.toLowerCase() + "-" + run, paymentId + ",10.00,AUD,062000,12345678,Sam Halt,,,HALT_AML,,,\r\n",
                paymentId);
        return paymentId;
    }

    /** A withdrawal event about {@code paymentId} (its Flash id and payment id), dated now, with {@code moreFields}. */
    private String eventNow(String event, String paymentId, String moreFields) {
        return "{\"event\":\"" + event + "\",\"id\":\"" + flashId(paymentId) + "\",\"externalId\":\"" + paymentId + "\""
                + moreFields + ",\"eventScheduledAt\":\"" + java.time.Instant.now() + "\"}";
    }

    /** Drops a payout file and waits until Flash holds each of {@code held} for review. */
    private void dropAndAwaitReview(String name, String rows, String... held) throws IOException {
        erp.drop("outbox/payouts", name + ".csv", (CsvLines.PAYOUT_HEADER + rows).getBytes(StandardCharsets.UTF_8));
        for (String paymentId : held) {
            Awaitility.await().atMost(PATIENCE).until(() -> "REVIEWING".equals(status(paymentId)));
        }
    }

    private String status(String paymentId) {
        return jdbc.queryForList("select status from instruction where payment_id = ?", String.class, paymentId).stream()
                .findFirst().orElse(null);
    }

    private String flashId(String paymentId) {
        return jdbc.queryForObject("select flash_id from instruction where payment_id = ?", String.class, paymentId);
    }

    private double refusedCount() {
        return meters.find("flashbridge.webhooks.refused").counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
