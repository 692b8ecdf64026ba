package io.flashbridge.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.ErpTestSupport;
import io.flashbridge.support.ErpSftp;
import io.flashbridge.support.SandboxServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * What happens to a payout when Flash misbehaves, through the real routes: Retry-After is
 * honoured, a Flash that stays down parks the payout for ops to replay, a refusal is never retried.
 */
@BridgeTest
class SubmissionFailuresTest extends ErpTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String HEADER = "payment_id,amount,currency,bsb,account_number,account_name,payid,payid_type,reference,remitter_name\r\n";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JmsTemplate jms;


    @AfterEach
    void clearFaults() {
        SandboxServer.shared().admin("DELETE", "faults", null);
    }

    @Test
    void waitsAsLongAsFlashsRetryAfterBeforeSendingAgain() throws IOException {
        SandboxServer.shared().admin("POST", "faults",
                Map.of("kind", "RATE_LIMIT", "count", 2, "retryAfterSeconds", 1, "operation", "createWithdrawal"));

        drop("P-" + run + "-1", "10.00");

        awaitStatus("P-" + run + "-1", "CONFIRMED");
        Map<String, Object> row = instruction("P-" + run + "-1");
        assertThat(row.get("attempts")).isEqualTo(3);
        // The first change that shows Flash has the withdrawal: its answer, or a webhook that overtook it.
        OffsetDateTime sentAt = jdbc.queryForObject("select min(at) from audit where instruction_id = ? "
                + "and to_status not in ('RECEIVED', 'SUBMITTING')", OffsetDateTime.class, row.get("id"));
        // Two 429s asking for 1 s each: the successful call came at least 2 s after the first attempt.
        assertThat(Duration.between(((OffsetDateTime) row.get("created_at")).toInstant(), sentAt.toInstant()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void parksAPayoutWhileFlashStaysDownAndPaysItOnReplay() throws Exception {
        SandboxServer.shared().admin("POST", "faults", Map.of("kind", "STATUS", "count", 100, "status", 503, "operation", "createWithdrawal"));

        drop("P-" + run + "-2", "20.00");

        awaitStatus("P-" + run + "-2", "PARKED");
        JsonNode parked = new ObjectMapper().readTree(http.withBasicAuth("ops", "ops").getForObject("/ops/payouts/parked", String.class));
        JsonNode mine = findByPaymentId(parked, "P-" + run + "-2");
        assertThat(mine.path("attempts").asInt()).isEqualTo(4);
        assertThat(mine.path("lastError").asText()).contains("HTTP 503");

        SandboxServer.shared().admin("DELETE", "faults", null);
        String replay = "/ops/payouts/" + mine.path("id").asLong() + "/replay";
        assertThat(http.postForEntity(replay, null, String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(http.withBasicAuth("viewer", "viewer").postForEntity(replay, null, String.class).getStatusCode().value())
                .isEqualTo(403);
        assertThat(http.withBasicAuth("ops", "ops").postForEntity(replay, null, String.class).getStatusCode().value())
                .isEqualTo(202);

        awaitStatus("P-" + run + "-2", "CONFIRMED");
        assertThat(jdbc.queryForList("select a.actor from audit a join instruction i on i.id = a.instruction_id "
                + "where i.payment_id = ? and a.from_status = 'PARKED'", String.class, "P-" + run + "-2")).containsExactly("ops");
    }

    @Test
    void recordsAFlashRefusalOnceWithoutRetrying() throws IOException {
        drop("P-" + run + "-3", "9000000.00");

        // A refusal for insufficient funds waits for money (see InsufficientFundsTest) instead of being retried.
        awaitStatus("P-" + run + "-3", "AWAITING_FUNDS");
        Map<String, Object> row = instruction("P-" + run + "-3");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat((String) row.get("status_message")).startsWith("waiting for funds: Insufficient AUD balance");
    }

    @Test
    void keepsAMessageThatFailsEveryDeliveryInTheDeadLetterQueue() {
        String poison = "not-an-instruction-" + run;

        jms.convertAndSend("flashbridge.internal.payouts", poison);

        Awaitility.await().atMost(PATIENCE).ignoreExceptions().until(() -> jms.browse("DLQ::DLQ.flashbridge.internal.payouts", (session, browser) -> {
            var messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                if (poison.equals(((jakarta.jms.TextMessage) messages.nextElement()).getText())) {
                    return true;
                }
            }
            return false;
        }));
    }

    private void drop(String paymentId, String amount) throws IOException {
        String csv = HEADER + paymentId + "," + amount + ",AUD,062000,12345678,Pat Payee,,,REF " + paymentId.hashCode() % 1000 + ",\r\n";
        erp.drop("outbox/payouts", paymentId + ".csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private void awaitStatus(String paymentId, String status) {
        Awaitility.await().atMost(PATIENCE).until(() -> status.equals(
                jdbc.queryForList("select status from instruction where payment_id = ?", String.class, paymentId)
                        .stream().findFirst().orElse(null)));
    }

    private Map<String, Object> instruction(String paymentId) {
        return jdbc.queryForMap("select * from instruction where payment_id = ?", paymentId);
    }

    private static JsonNode findByPaymentId(JsonNode list, String paymentId) {
        for (JsonNode item : list) {
            if (item.path("paymentId").asText().equals(paymentId)) {
                return item;
            }
        }
        throw new AssertionError(paymentId + " not in " + list);
    }
}
