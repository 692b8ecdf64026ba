package io.flashbridge.intake.jms;

import static io.flashbridge.support.CoreBanking.payout;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.BridgeTestSupport;
import io.flashbridge.support.CoreBanking;
import io.flashbridge.support.FreePort;
import io.flashbridge.support.SandboxServer;
import jakarta.jms.Destination;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Core banking over a real JMS (TCP) connection to the embedded broker: instructions, replies, status events, poison. */
@BridgeTest
class JmsInstructionsTest extends BridgeTestSupport {

    private static final int BROKER_PORT = FreePort.next();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void tcpAcceptor(DynamicPropertyRegistry registry) {
        registry.add("flashbridge.embedded.artemis.acceptor", () -> "tcp://127.0.0.1:" + BROKER_PORT);
    }

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private InstructionMessages instructionMessages;
    private CoreBanking core;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void connect() throws Exception {
        SandboxServer.shared().registerWebhook(SandboxServer.DEMO_EMAIL, "http://localhost:" + port + "/webhooks/flash");
        core = new CoreBanking(BROKER_PORT);
    }

    @AfterEach
    void disconnect() throws Exception {
        core.close();
    }

    @Test
    void paysAPayoutInstructionAndPublishesItsStatusChangesInOrder() throws Exception {
        String paymentId = "CB-" + run + "-1";
        Destination replies = core.temporaryQueue();

        String correlationId = core.send(payout(paymentId, "125.50", "INV-1"), replies);

        Message replyMessage = core.receiveMessage(replies, null, PATIENCE);
        assertThat(replyMessage.getJMSCorrelationID()).isEqualTo(correlationId);
        JsonNode reply = new com.fasterxml.jackson.databind.ObjectMapper().readTree(((TextMessage) replyMessage).getText());
        assertThat(reply.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(reply.path("paymentId").asText()).isEqualTo(paymentId);
        long instructionId = reply.path("instructionId").asLong();
        assertThat(jdbc.queryForObject("select payment_id from instruction where id = ?", String.class, instructionId))
                .isEqualTo(paymentId);

        List<JsonNode> events = core.statusEventsUntil(paymentId, "CONFIRMED", PATIENCE);
        assertThat(events.get(0).path("previousStatus").asText()).isEqualTo("RECEIVED");
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).path("previousStatus").asText()).as("event %d follows event %d", i, i - 1)
                    .isEqualTo(events.get(i - 1).path("status").asText());
            assertThat(events.get(i).path("eventId").asLong()).isGreaterThan(events.get(i - 1).path("eventId").asLong());
        }
        JsonNode confirmed = events.get(events.size() - 1);
        assertThat(confirmed.path("flashId").asText()).isNotBlank();
        assertThat(confirmed.path("amount").asText()).isEqualTo("125.50");
        assertThat(confirmed.path("fee").asText()).isEqualTo("0.50");
        assertThat(confirmed.path("instructionId").asLong()).isEqualTo(instructionId);
    }

    @Test
    void paysAnFxPaymentInstructionAndPublishesBothLegsInItsStatusEvents() throws Exception {
        String paymentId = "CB-" + run + "-fx";
        Destination replies = core.temporaryQueue();

        String correlationId = core.send(fxPayment(paymentId, "500.00", "GBP"), replies);

        JsonNode reply = core.receive(replies, "JMSCorrelationID = '" + correlationId + "'", PATIENCE);
        assertThat(reply.path("status").asText()).isEqualTo("ACCEPTED");
        List<JsonNode> events = core.statusEventsUntil(paymentId, "CLOSED", PATIENCE);
        assertThat(events).extracting(event -> event.path("status").asText()).containsSubsequence("SUBMITTING", "OPEN", "CLOSED");
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).path("previousStatus").asText()).isEqualTo(events.get(i - 1).path("status").asText());
        }
        JsonNode closed = events.get(events.size() - 1);
        assertThat(closed.path("kind").asText()).isEqualTo("fx-payment");
        assertThat(closed.path("fromAmount").asText()).isEqualTo("500.00");
        assertThat(closed.path("fromCurrency").asText()).isEqualTo("AUD");
        assertThat(closed.path("toCurrency").asText()).isEqualTo("GBP");
        assertThat(new java.math.BigDecimal(closed.path("toAmount").asText())).isEqualByComparingTo("260.00");
        assertThat(jdbc.queryForObject("select kind from instruction where payment_id = ?", String.class, paymentId))
                .isEqualTo("PAYMENT");
    }

    @Test
    void rejectsAnFxPaymentInstructionWithEveryReason() throws Exception {
        String paymentId = "CB-" + run + "-fx-bad";
        String body = fxPayment(paymentId, "500.00", "GBP").replace("\"IBAN\"", "\"SORT_CODE\"")
                .replace("\"recipient_country\":\"GB\"", "\"recipient_country\":\"Britain\"");

        JsonNode reply = sendWithoutReplyTo(body);

        assertThat(reply.path("status").asText()).isEqualTo("REJECTED");
        assertThat(fieldsOf(reply)).containsExactlyInAnyOrder("recipient_account", "recipient_bank_code", "recipient_bic",
                "recipient_country");
    }

    @Test
    void rejectsAMessageWithFiveBadFieldsWithAllFiveReasons() throws Exception {
        String paymentId = "CB-" + run + "-bad";
        String body = "{\"kind\":\"payout\",\"payment_id\":\"" + paymentId + "\",\"amount\":12.5,\"bsb\":\"06200\","
                + "\"account_number\":\"12345678\",\"account_name\":\"Ann Lee\",\"email\":\"not-an-address\","
                + "\"reason\":\"lower case\",\"colour\":\"blue\"}";

        JsonNode reply = sendWithoutReplyTo(body);

        assertThat(reply.path("status").asText()).isEqualTo("REJECTED");
        assertThat(fieldsOf(reply)).containsExactlyInAnyOrder("amount", "bsb", "email", "reason", "colour");
        assertThat(reply.toString()).doesNotContain("$.").doesNotContain("networknt");
        assertThat(jdbc.queryForObject("select count(*) from instruction where payment_id = ?", Integer.class, paymentId)).isZero();
    }

    @Test
    void answersAndDeadLettersAnUnreadableMessageAndKeepsFlowing() throws Exception {
        Destination replies = core.temporaryQueue();

        String badCorrelation = core.send("{\"kind\":\"payout\", \"payment_id\": ", replies);
        core.send(payout("CB-" + run + "-after", "10.00", "AFTER"), replies);

        JsonNode refused = core.receive(replies, "JMSCorrelationID = '" + badCorrelation + "'", PATIENCE);
        assertThat(refused.path("status").asText()).isEqualTo("REJECTED");
        assertThat(refused.path("reasons").get(0).path("reason").asText()).startsWith("the message is not JSON");
        Message dead = core.receiveMessage(core.session().createQueue("flashbridge.dlq"), "JMSCorrelationID = '" + badCorrelation + "'",
                PATIENCE);
        assertThat(dead.getStringProperty(InstructionMessages.REASON_PROPERTY)).startsWith("the message is not JSON");
        assertThat(((TextMessage) dead).getText()).isEqualTo("{\"kind\":\"payout\", \"payment_id\": ");
        assertThat(core.receive(replies, "status = 'ACCEPTED'", PATIENCE).path("paymentId").asText()).isEqualTo("CB-" + run + "-after");
    }

    @Test
    void answersAResentPaymentIdAsADuplicateAndPaysItOnce() throws Exception {
        String paymentId = "CB-" + run + "-twice";
        Destination replies = core.temporaryQueue();

        String first = core.send(payout(paymentId, "20.00", "ONCE"), replies);
        JsonNode accepted = core.receive(replies, "JMSCorrelationID = '" + first + "'", PATIENCE);
        String second = core.send(payout(paymentId, "20.00", "ONCE"), replies);
        JsonNode duplicate = core.receive(replies, "JMSCorrelationID = '" + second + "'", PATIENCE);

        assertThat(accepted.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(duplicate.path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(duplicate.path("instructionId").asLong()).isEqualTo(accepted.path("instructionId").asLong());
        assertThat(duplicate.path("current").path("status").asText()).isNotBlank();
        core.statusEventsUntil(paymentId, "CONFIRMED", PATIENCE);
        assertThat(jdbc.queryForObject("select count(*) from instruction where payment_id = ?", Integer.class, paymentId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit a join instruction i on i.id = a.instruction_id "
                + "where i.payment_id = ? and a.to_status = 'SUBMITTING'", Integer.class, paymentId)).isEqualTo(1);
    }

    @Test
    void answersARedeliveredMessageAsAcceptedAgainWithoutASecondInstruction() throws Exception {
        String paymentId = "CB-" + run + "-redelivered";
        var scratch = core.session().createQueue("scratch-" + run);
        try (var producer = core.session().createProducer(scratch)) {
            producer.send(core.session().createTextMessage(payout(paymentId, "30.00", "AGAIN")));
        }
        Message message;
        try (MessageConsumer consumer = core.session().createConsumer(scratch)) {
            message = consumer.receive(PATIENCE.toMillis());
        }

        InstructionMessages.Outcome first = instructionMessages.decide(message);
        InstructionMessages.Outcome redelivered = instructionMessages.decide(message);

        assertThat(first.reply().status()).isEqualTo("ACCEPTED");
        assertThat(redelivered.reply().status()).isEqualTo("ACCEPTED");
        assertThat(redelivered.reply().instructionId()).isEqualTo(first.reply().instructionId());
        assertThat(redelivered.queueId()).as("still waiting to be sent: queued again").isEqualTo(first.queueId());
        assertThat(jdbc.queryForObject("select count(*) from instruction where payment_id = ?", Integer.class, paymentId)).isEqualTo(1);
    }

    @Test
    void acceptsTheSampleMessages() throws Exception {
        Destination replies = core.temporaryQueue();
        for (String sample : List.of("payout.json", "payout-payid.json")) {
            String body = Files.readString(Path.of("samples/jms", sample)).replace("\"CB-2026-", "\"CB-" + run + "-");

            String correlationId = core.send(body, replies);

            JsonNode reply = core.receive(replies, "JMSCorrelationID = '" + correlationId + "'", PATIENCE);
            assertThat(reply.path("status").asText()).as(sample + ": " + reply).isEqualTo("ACCEPTED");
        }
    }

    @Test
    void tellsCoreBankingOfAClearedDepositWithItsReference() throws Exception {
        String depositId = SandboxServer.shared().admin("POST", "deposits", java.util.Map.of("amount", new java.math.BigDecimal("75.10"),
                "externalReference", "INV-" + run, "payerName", "Acme Customer", "payerAccountNo", "11223344")).path("id").asText();
        var deposits = core.session().createQueue("flashbridge.deposits");

        JsonNode cleared = core.receive(deposits, "depositId = '" + depositId + "' AND status = 'CONFIRMED'", PATIENCE);

        assertThat(cleared.path("eventId").asLong()).isPositive();
        assertThat(cleared.path("amount").asText()).isEqualTo("75.10");
        assertThat(cleared.path("reference").asText()).isEqualTo("INV-" + run);
        assertThat(cleared.path("payerAccount").asText()).isEqualTo("****3344");
        assertThat(cleared.toString()).doesNotContain("11223344");
    }

    /** Sends {@code body} with no JMSReplyTo and answers its reply from flashbridge.replies. */
    private JsonNode sendWithoutReplyTo(String body) throws Exception {
        String correlationId = core.send(body, null);
        return core.receive(core.session().createQueue("flashbridge.replies"), "JMSCorrelationID = '" + correlationId + "'", PATIENCE);
    }

    private static List<String> fieldsOf(JsonNode reply) {
        List<String> fields = new ArrayList<>();
        reply.path("reasons").forEach(reason -> fields.add(reason.path("field").asText()));
        return fields;
    }

    private static String fxPayment(String paymentId, String audAmount, String toCurrency) {
        return "{\"kind\":\"fx-payment\",\"payment_id\":\"" + paymentId + "\",\"amount\":\"" + audAmount + "\","
                + "\"to_currency\":\"" + toCurrency + "\",\"reference\":\"INV 77\",\"reason\":\"BUSINESS\","
                + "\"recipient_id\":\"R-" + paymentId + "\",\"recipient_name\":\"Thames Widgets Ltd\","
                + "\"recipient_account_type\":\"IBAN\",\"recipient_account\":\"GB82WEST12345698765432\","
                + "\"recipient_street\":\"1 High St, London EC1A 1BB\",\"recipient_country\":\"GB\"}";
    }

}
