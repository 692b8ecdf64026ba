package io.flashbridge.submit;

import static io.flashbridge.support.FxPaymentRows.IBAN_DE;
import static io.flashbridge.support.FxPaymentRows.IBAN_FR;
import static io.flashbridge.support.FxPaymentRows.csv;
import static io.flashbridge.support.FxPaymentRows.euroRow;
import static io.flashbridge.support.FxPaymentRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.ErpTestSupport;
import io.flashbridge.support.CsvLines;
import io.flashbridge.support.SandboxServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * FX payment files in {@code outbox/payments} against a Flash client account of its own: senders and
 * recipients are created once and reused, changed details are updated, each payment is made once
 * with its externalId and idempotency key, and the payment lifecycle (closed, failed, cancelled)
 * reaches the status file with both legs.
 */
@BridgeTest
class FxPaymentsEndToEndTest extends ErpTestSupport {

    private static final String CLIENT = "fx-" + UUID.randomUUID().toString().substring(0, 8) + "@flashbridge.local";
    private static final String PASSWORD = "fx-test-password";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @DynamicPropertySource
    static void ownAccount(DynamicPropertyRegistry registry) {
        ownClientAccount(registry, CLIENT, PASSWORD, "Global Trade Pty Ltd", new BigDecimal("1000000.00"));
    }

    @Override
    protected String flashClient() {
        return CLIENT;
    }

    @Test
    void paysAnFxPaymentFileOncePerRowAndReportsEveryOutcomeWithBothLegs() throws Exception {
        String name = "fx-" + run;
        String sender = "S-" + run;
        String recipient = "R-" + run;
        Map<String, String> closed = row("FX-" + run + "-1", "1000.00", "EUR", "INV 1", sender, recipient, "IBAN",
                IBAN_DE, "");
        Map<String, String> failed = row("FX-" + run + "-2", "250.00", "EUR", "FAIL_PAYMENT", sender, recipient,
                "IBAN", IBAN_DE, "");
        Map<String, String> cancelled = row("FX-" + run + "-3", "80.00", "GBP", "CANCEL_PAYMENT", sender, "R2-" + run,
                "SORT_CODE", "12345678", "40-47-84");
        cancelled.put("recipient_bic", "MIDLGB22");
        Map<String, String> badIban = row("FX-" + run + "-4", "10.00", "EUR", "BAD", sender, "R3-" + run, "IBAN",
                "DE89370400440532013001", "");
        Map<String, String> toAmount = row("FX-" + run + "-5", "600.00", "EUR", "DELIVER", "", "R4-" + run, "IBAN", IBAN_FR, "");
        toAmount.put("amount_currency", "EUR");

        erp.drop("outbox/payments", name + ".csv", csv(closed, failed, cancelled, badIban, toAmount));

        Map<String, Map<String, String>> ack = CsvLines.byPaymentId(erp.awaitAck(name, PATIENCE));
        assertThat(ack.get("FX-" + run + "-1").get("status")).isEqualTo("ACCEPTED");
        assertThat(ack.get("FX-" + run + "-4").get("status")).isEqualTo("REJECTED");
        assertThat(ack.get("FX-" + run + "-4").get("reason")).contains("recipient_account: is not a valid IBAN");
        Map<String, Map<String, String>> status = CsvLines.byPaymentId(erp.awaitFinalStatus(name, PATIENCE));
        assertThat(status.get("FX-" + run + "-1").get("status")).isEqualTo("CLOSED");
        assertThat(status.get("FX-" + run + "-1").get("from_amount")).isEqualTo("1000.00");
        assertThat(status.get("FX-" + run + "-1").get("to_currency")).isEqualTo("EUR");
        assertThat(new BigDecimal(status.get("FX-" + run + "-1").get("to_amount"))).isEqualByComparingTo("600.00");
        assertThat(status.get("FX-" + run + "-2").get("status")).isEqualTo("PAYMENT_FAILED");
        assertThat(status.get("FX-" + run + "-3").get("status")).isEqualTo("CANCELLED");
        assertThat(status.get("FX-" + run + "-5").get("status")).isEqualTo("CLOSED");
        assertThat(status.get("FX-" + run + "-5").get("to_amount")).isEqualTo("600.00");
        assertThat(new BigDecimal(status.get("FX-" + run + "-5").get("from_amount"))).isEqualByComparingTo("1000.00");

        String token = SandboxServer.shared().awaitToken(CLIENT, PASSWORD);
        Map<String, Integer> payments = countBy(SandboxServer.shared().query(token,
                "{ payments { externalId idempotencyKey } }").path("payments"), "externalId");
        payments.keySet().removeIf(externalId -> !externalId.startsWith("FX-" + run));
        assertThat(payments).containsOnlyKeys("FX-" + run + "-1", "FX-" + run + "-2", "FX-" + run + "-3", "FX-" + run + "-5");
        assertThat(payments.values()).containsOnly(1);
        assertThat(partiesNamed(token, "recipients", recipient)).hasSize(1);
        assertThat(partiesNamed(token, "senders", sender)).hasSize(1);
    }

    @Test
    void waitsForFundsWhenTheBalanceDoesNotCoverAPaymentAndPaysItAfterADeposit() throws Exception {
        String name = "fxw-" + run;
        String paymentId = "FXW-" + run;
        erp.drop("outbox/payments", name + ".csv", csv(
                euroRow(paymentId, "2000000.00", "BIG ORDER", "RW-" + run)));
        Awaitility.await().atMost(PATIENCE).until(() -> "AWAITING_FUNDS".equals(status(paymentId)));
        assertThat(erp.finalStatusExists(name)).as("a payment waiting for funds is not final").isFalse();

        SandboxServer.shared().admin("POST", "deposits", Map.of("client", CLIENT, "amount", new BigDecimal("2000000.00"),
                "externalReference", "FX TOP-UP " + run));

        Map<String, String> paid = CsvLines.byPaymentId(erp.awaitFinalStatus(name, PATIENCE)).get(paymentId);
        assertThat(paid).containsEntry("status", "CLOSED").containsEntry("from_amount", "2000000.00");
        assertThat(jdbc.queryForList("select a.to_status from audit a join instruction i on i.id = a.instruction_id "
                + "where i.payment_id = ? order by a.id", String.class, paymentId))
                .containsSubsequence("SUBMITTING", "AWAITING_FUNDS", "RECEIVED", "SUBMITTING", "OPEN", "CLOSED");
    }

    @Test
    void updatesARecipientWhoseDetailsChangedInsteadOfCreatingAnother() throws Exception {
        String recipient = "RU-" + run;
        Map<String, String> first = row("FXU-" + run + "-1", "100.00", "EUR", "FIRST", "", recipient, "IBAN", IBAN_DE, "");
        first.put("recipient_email", "old@example.com");
        erp.drop("outbox/payments", "fxu1-" + run + ".csv", csv(first));
        assertThat(CsvLines.byPaymentId(erp.awaitFinalStatus("fxu1-" + run, PATIENCE)).get("FXU-" + run + "-1").get("status"))
                .isEqualTo("CLOSED");

        Map<String, String> second = row("FXU-" + run + "-2", "100.00", "EUR", "SECOND", "", recipient, "IBAN", IBAN_FR, "");
        second.put("recipient_email", "new@example.com");
        erp.drop("outbox/payments", "fxu2-" + run + ".csv", csv(second));
        assertThat(CsvLines.byPaymentId(erp.awaitFinalStatus("fxu2-" + run, PATIENCE)).get("FXU-" + run + "-2").get("status"))
                .isEqualTo("CLOSED");

        String token = SandboxServer.shared().awaitToken(CLIENT, PASSWORD);
        List<JsonNode> held = partiesNamed(token, "recipients", recipient);
        assertThat(held).hasSize(1);
        assertThat(held.get(0).path("email").asText()).isEqualTo("new@example.com");
        assertThat(held.get(0).path("iban").asText()).isEqualTo(IBAN_FR);
    }

    @Test
    void createsANewRecipientWhenItsAccountTypeChangedBecauseFlashCannotChangeIt() throws Exception {
        String recipient = "RT-" + run;
        erp.drop("outbox/payments", "fxt1-" + run + ".csv", csv(
                euroRow("FXT-" + run + "-1", "100.00", "IBAN FIRST", recipient)));
        assertThat(CsvLines.byPaymentId(erp.awaitFinalStatus("fxt1-" + run, PATIENCE)).get("FXT-" + run + "-1").get("status"))
                .isEqualTo("CLOSED");
        Map<String, String> sortCode = row("FXT-" + run + "-2", "100.00", "EUR", "SORT CODE NEXT", "", recipient,
                "SORT_CODE", "12345678", "40-47-84");
        sortCode.put("recipient_bic", "MIDLGB22");
        erp.drop("outbox/payments", "fxt2-" + run + ".csv", csv(sortCode));
        assertThat(CsvLines.byPaymentId(erp.awaitFinalStatus("fxt2-" + run, PATIENCE)).get("FXT-" + run + "-2").get("status"))
                .isEqualTo("CLOSED");

        String token = SandboxServer.shared().awaitToken(CLIENT, PASSWORD);
        assertThat(partiesNamed(token, "recipients", recipient)).hasSize(2);
    }

    private String status(String paymentId) {
        return jdbc.queryForList("select status from instruction where payment_id = ?", String.class, paymentId)
                .stream().findFirst().orElse(null);
    }

    private static List<JsonNode> partiesNamed(String token, String book, String externalId) {
        JsonNode found = SandboxServer.shared().query(token, "{ " + book + "(input: {externalId: \"" + externalId
                + "\"}) { id externalId email " + (book.equals("recipients") ? "iban" : "companyName") + " } }").path(book);
        List<JsonNode> parties = new java.util.ArrayList<>();
        found.forEach(parties::add);
        return parties;
    }

    private static Map<String, Integer> countBy(JsonNode entities, String field) {
        Map<String, Integer> counts = new HashMap<>();
        entities.forEach(entity -> counts.merge(entity.path(field).asText(), 1, Integer::sum));
        return counts;
    }
}
