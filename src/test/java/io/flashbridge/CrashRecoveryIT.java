package io.flashbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.flashbridge.support.BridgeProcess;
import io.flashbridge.support.CrashTestSupport;
import io.flashbridge.support.CsvLines;
import io.flashbridge.support.ErpSftp;
import io.flashbridge.support.SandboxServer;
import io.flashbridge.support.WebhookClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the packaged bridge (embedded default: H2 file ledger, embedded Artemis and
 * SFTP) right after a burst of webhooks was answered and while a batch is being sent to Flash.
 * Flash is the sandbox in this JVM, so its state outlives the bridge. After a restart every
 * answered webhook is in the ledger, and every accepted row reaches its final status through JMS
 * redelivery and Flash's webhook retries alone: the status poller is switched off.
 */
class CrashRecoveryIT extends CrashTestSupport {

    private static final int ROWS = 400;
    private static final int BURST = 300;

    @Test
    void keepsEveryAnsweredWebhookAndFinishesEveryRowAfterKill9() throws Exception {
        // time x0.15: Flash's webhook retries (6 s, 60 s, 600 s) come after 0.9 s, 9 s and 90 s
        startRig("", 0.15);
        SandboxServer flash = rig.flash();
        // createWithdrawal answers after 100 ms, so the kill lands with sends in flight at Flash
        flash.admin("POST", "faults", Map.of("kind", "SLOW", "count", 100_000, "delayMs", 100, "operation", "createWithdrawal"));

        BridgeProcess bridge = rig.startBridge();
        String stem = "crash-" + run;
        List<String> paymentIds = new ArrayList<>();
        try (ErpSftp erp = new ErpSftp(rig.sftpPort())) {
            erp.drop("outbox/payouts", stem + ".csv", batch(paymentIds));
            assertThat(CsvLines.parse(erp.awaitAck(stem, PATIENCE))).hasSize(ROWS)
                    .allSatisfy(row -> assertThat(row).containsEntry("status", "ACCEPTED"));
        }
        Awaitility.await().atMost(PATIENCE).until(() -> bridge.logCount("sent to Flash as") >= 40);

        Set<String> answered = webhookBurst(rig.port());
        bridge.kill();
        int sentBeforeKill = bridge.logCount("sent to Flash as");
        System.out.printf("Crash recovery: killed with %d of %d payouts recorded as sent and %d webhooks answered%n",
                sentBeforeKill, ROWS, answered.size());
        assertThat(sentBeforeKill).as("the kill came mid-submission").isLessThan(ROWS);
        assertThat(answered).hasSize(BURST);

        Instant restarted = Instant.now();
        rig.startBridge();
        Map<String, Map<String, String>> status;
        try (ErpSftp erp = new ErpSftp(rig.sftpPort())) {
            status = CsvLines.byPaymentId(erp.awaitFinalStatus(stem, PATIENCE));
        }
        System.out.printf("Crash recovery: every row final %d s after the restart%n",
                Duration.between(restarted, Instant.now()).toSeconds());
        rig.stopBridge();

        assertThat(status.keySet()).containsExactlyInAnyOrderElementsOf(paymentIds);
        assertThat(status.values()).allSatisfy(row -> assertThat(row).containsEntry("status", "CONFIRMED"));
        assertThat(flash.withdrawalsByExternalId(SandboxServer.DEMO_EMAIL, SandboxServer.DEMO_PASSWORD)).as("one withdrawal per payout at Flash: nothing paid twice")
                .containsOnlyKeys(paymentIds).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
        try (Connection ledger = DriverManager.getConnection("jdbc:h2:file:" + rig.ledger()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "")) {
            assertThat(strings(ledger, "select request_id from webhook_event")).containsAll(answered);
            assertThat(strings(ledger, "select distinct status from instruction")).containsExactly("CONFIRMED");
            assertThat(strings(ledger, "select event from audit where event = 'withdrawal (poll)'"))
                    .as("the poller took no part").isEmpty();
        }
    }

    private byte[] batch(List<String> paymentIds) {
        StringBuilder csv = new StringBuilder(CsvLines.PAYOUT_HEADER);
        for (int n = 1; n <= ROWS; n++) {
            String id = "CR-" + run + "-" + n;
            paymentIds.add(id);
            csv.append(id).append(',').append(n).append(".25,AUD,062000,12345678,Ann Lee,,,INV-").append(n)
                    .append(",Acme Payroll Pty Ltd,,\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@value #BURST} signed webhooks from 16 threads; answers the request ids the bridge answered 200. */
    private Set<String> webhookBurst(int port) throws Exception {
        WebhookClient client = new WebhookClient(port);
        ExecutorService senders = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int n = 0; n < BURST; n++) {
                String requestId = "burst-" + run + "-" + n;
                String body = "{\"event\":\"withdrawal_completed\",\"id\":\"" + UUID.randomUUID()
                        + "\",\"externalId\":\"NOT-OURS-" + n + "\",\"status\":\"CONFIRMED\",\"eventScheduledAt\":\""
                        + Instant.now() + "\"}";
                answers.add(senders.submit(() -> client.signed(body, requestId).statusCode() == 200 ? requestId : null));
            }
            Set<String> answered = new HashSet<>();
            for (Future<String> answer : answers) {
                String requestId = answer.get();
                if (requestId != null) {
                    answered.add(requestId);
                }
            }
            return answered;
        } finally {
            senders.shutdownNow();
        }
    }

    private static List<String> strings(Connection db, String sql) throws Exception {
        try (var query = db.createStatement(); ResultSet rows = query.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
