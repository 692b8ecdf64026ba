package io.flashbridge.intake.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.flashbridge.ledger.WebhookInbox;
import io.flashbridge.reconcile.WebhookReconciler;
import io.flashbridge.support.AbaFile;
import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.ErpTestSupport;
import io.flashbridge.support.CsvLines;
import io.flashbridge.support.ErpSftp;
import io.flashbridge.support.Hmac;
import io.flashbridge.support.SandboxServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** ABA files end to end, a tampered ABA total, and webhooks with bad signatures. */
@BridgeTest
class AbaAndWebhookEndToEndTest extends ErpTestSupport {

    @Autowired
    private WebhookInbox inbox;
    @Autowired
    private WebhookReconciler reconciler;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void paysTheCreditsOfAMultiBatchAbaFileAndRefusesItsDebit() throws IOException {
        String name = "payroll-" + run;
        byte[] aba = new AbaFile()
                .batch("ACME PAYROLL", "PAYROLL " + run.substring(0, 4), true)
                .credit("062-000", "11111111", 150_000, "Katarina Oreiro", "SALARY NOV", "ACME PAYROLL")
                .credit("062-000", "22222222", 99_99, "John Citizen", "FAIL_AML", "ACME PAYROLL")
                .debit("062-000", "12345678", 159_999, "ACME PAYROLL", "BALANCE", "ACME PAYROLL")
                .total()
                .batch("ACME PAYROLL", "BONUS " + run.substring(0, 4), false)
                .credit("082-001", "333333333", 25_050, "Mary Jones", "BONUS", "ACME PAYROLL")
                .total()
                .lineEndings("\n", false)
                .bytes();

        erp.drop("outbox/payouts", name + ".aba", aba);

        List<Map<String, String>> ack = CsvLines.parse(erp.awaitAck(name, PayoutFilesEndToEndTest.PATIENCE));
        assertThat(ack).extracting(row -> row.get("line_number") + " " + row.get("status"))
                .containsExactly("2 ACCEPTED", "3 ACCEPTED", "4 REJECTED", "7 ACCEPTED");
        assertThat(ack.get(0).get("payment_id")).matches("ABA-[0-9a-f]{16}");
        assertThat(ack.get(2).get("reason")).contains("transaction code 13 is a debit");
        Map<String, Map<String, String>> status = CsvLines.byPaymentId(
                erp.awaitFinalStatus(name, PayoutFilesEndToEndTest.PATIENCE));
        assertThat(status.get(ack.get(0).get("payment_id"))).containsEntry("status", "CONFIRMED").containsEntry("amount", "1500.00");
        assertThat(status.get(ack.get(1).get("payment_id"))).containsEntry("status", "CANCELLED").containsEntry("amount", "99.99");
        assertThat(status.get(ack.get(3).get("payment_id"))).containsEntry("status", "CONFIRMED").containsEntry("amount", "250.50");
    }

    @Test
    void rejectsTheWholeAbaFileWhenItsTotalsDoNotAddUp() throws IOException {
        String name = "tampered-" + run;
        byte[] aba = new AbaFile()
                .batch("ACME PAYROLL", "TAMPERED", false)
                .credit("062-000", "11111111", 100_00, "Katarina Oreiro", "ONE", "ACME PAYROLL")
                .credit("062-000", "22222222", 200_00, "John Citizen", "TWO", "ACME PAYROLL")
                .total(300_01, 0, 2)
                .bytes();
        Integer instructionsBefore = jdbc.queryForObject("select count(*) from instruction", Integer.class);

        erp.drop("outbox/payouts", name + ".aba", aba);

        List<Map<String, String>> ack = CsvLines.parse(erp.awaitAck(name, PayoutFilesEndToEndTest.PATIENCE));
        assertThat(ack).extracting(row -> row.get("line_number") + " " + row.get("status"))
                .containsExactly("2 REJECTED", "3 REJECTED", "4 REJECTED");
        assertThat(ack.subList(0, 2)).allSatisfy(row -> assertThat(row.get("reason"))
                .isEqualTo("file rejected: line 4: net total 300.01 does not match the detail records (300.00)"));
        assertThat(ack.get(2).get("reason")).isEqualTo("line 4: net total 300.01 does not match the detail records (300.00)");
        assertThat(jdbc.queryForObject("select count(*) from instruction", Integer.class)).isEqualTo(instructionsBefore);
        Awaitility.await().atMost(PayoutFilesEndToEndTest.PATIENCE).ignoreExceptions()
                .until(() -> erp.list("outbox/payouts/failed").stream().anyMatch(file -> file.startsWith(name + ".") && file.endsWith(".aba")));
    }

    @Test
    void refusesAWebhookWithABadSignatureAndChangesNothing() throws Exception {
        Long eventsBefore = jdbc.queryForObject("select count(*) from webhook_event", Long.class);
        byte[] body = ("{\"event\":\"withdrawal_completed\",\"id\":\"0123456789abcdef01234567\",\"externalId\":\"X-" + run + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> forged = post(body, Hmac.base64("not-the-secret", body), "req-" + run);
        HttpResponse<String> unsigned = post(body, null, "req2-" + run);

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from webhook_event", Long.class)).isEqualTo(eventsBefore);
    }

    @Test
    void storesASignedWebhookOnceAndAcknowledgesItsRetries() throws Exception {
        byte[] body = ("{\"event\":\"test\",\"id\":\"" + run + "\"}").getBytes(StandardCharsets.UTF_8);
        String signature = Hmac.base64("test-webhook-secret", body);

        HttpResponse<String> first = post(body, signature, "dup-" + run);
        HttpResponse<String> retry = post(body, signature, "dup-" + run);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).contains("\"duplicate\":true");
        assertThat(jdbc.queryForObject("select count(*) from webhook_event where request_id = ?", Long.class, "dup-" + run)).isEqualTo(1);
    }

    @Test
    void keepsAStoredEventPendingOnlyUntilItIsProcessed() throws Exception {
        byte[] body = ("{\"event\":\"test\",\"id\":\"" + run + "\"}").getBytes(StandardCharsets.UTF_8);

        assertThat(post(body, Hmac.base64("test-webhook-secret", body), "pending-" + run).statusCode()).isEqualTo(200);

        Awaitility.await().atMost(PayoutFilesEndToEndTest.PATIENCE).until(() -> pending("pending-" + run) == 0);
        assertThat(jdbc.queryForObject("select body from webhook_event where request_id = ?", String.class, "pending-" + run))
                .isEqualTo(new String(body, StandardCharsets.UTF_8));
    }

    @Test
    void appliesAnEventThatWasStoredButNeverProcessed() throws Exception {
        String name = "swept-" + run;
        String paymentId = "SW-" + run;
        erp.drop("outbox/payouts", name + ".csv", (PayoutFilesEndToEndTest.HEADER + paymentId
                + ",12.00,AUD,062000,12345678,Swept Away,,,SWEEP,,,\r\n").getBytes(StandardCharsets.UTF_8));
        erp.awaitFinalStatus(name, PayoutFilesEndToEndTest.PATIENCE);
        String flashId = jdbc.queryForObject("select flash_id from instruction where payment_id = ?", String.class, paymentId);
        String returned = "{\"event\":\"withdrawal_failed\",\"id\":\"" + flashId + "\",\"externalId\":\"" + paymentId
                + "\",\"statusMessage\":\"Account closed\",\"eventScheduledAt\":\"" + java.time.Instant.now().plusSeconds(60) + "\"}";
        // Stored as the receiver stores it, but the bridge "stopped" before processing it.
        inbox.store(new WebhookInbox.StoredEvent("swept-" + run, "REGULAR", "withdrawal_failed", flashId, returned),
                java.time.Instant.now().minusSeconds(60));

        assertThat(reconciler.sweep(30_000)).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.queryForObject("select status from instruction where payment_id = ?", String.class, paymentId))
                .isEqualTo("FAILED");
        // Leaving the pending list is a shared commit nobody waits for.
        Awaitility.await().atMost(PayoutFilesEndToEndTest.PATIENCE).until(() -> pending("swept-" + run) == 0);
    }

    private int pending(String requestId) {
        return jdbc.queryForObject("select count(*) from webhook_pending where request_id = ?", Integer.class, requestId);
    }

    private HttpResponse<String> post(byte[] body, String signature, String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/flash"))
                .header("content-type", "application/json")
                .header("user-agent", "FlashFX")
                .header("flashfx-request-id", requestId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("flashfx-signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
