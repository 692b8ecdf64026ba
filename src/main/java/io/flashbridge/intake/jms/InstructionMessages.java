package io.flashbridge.intake.jms;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.flashbridge.instruction.FxPaymentColumns;
import io.flashbridge.instruction.FxPaymentFields;
import io.flashbridge.instruction.PayoutFields;
import io.flashbridge.instruction.RowFields;
import io.flashbridge.instruction.RowProblem;
import io.flashbridge.instruction.Validation;
import io.flashbridge.ledger.Instruction;
import io.flashbridge.ledger.InstructionStore;
import io.flashbridge.ledger.PayoutStatus;
import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.camel.Exchange;
import org.apache.camel.component.jms.JmsMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Takes one instruction message from core banking inside the route's JMS transaction: records it
 * in the ledger, then, on the same transacted session, puts it on the internal payout queue and
 * sends its one reply; the route commits the incoming message after that. A crash before the
 * commit redelivers the message: the ledger knows it by its message id, so it is queued and
 * answered again as accepted, never recorded or paid twice. A message that cannot be read (not
 * UTF-8, not a JSON object, too large) is answered and copied to the dead-letter queue with the
 * reason; the queue keeps flowing.
 */
@Component("instructionMessages")
public class InstructionMessages {

    public static final String REASON_PROPERTY = "FlashBridgeReason";
    private static final Logger log = LoggerFactory.getLogger(InstructionMessages.class);
    private static final int DEAD_LETTER_BODY = 1024 * 1024;
    private static final String FX_PAYMENT = "fx-payment";

    private final GroupCommit ledger;
    private final JmsIntakeProperties properties;
    private final String payoutQueue;
    private final ObjectMapper json;
    private final ObjectReader strictJson;
    private final InstructionSchema schema = new InstructionSchema();
    private final io.micrometer.core.instrument.MeterRegistry meters;

    InstructionMessages(GroupCommit ledger, JmsIntakeProperties properties, ObjectMapper json,
                        @Value("${flashbridge.queues.payouts}") String payoutQueue, io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        this.ledger = ledger;
        this.properties = properties;
        this.payoutQueue = payoutQueue;
        this.json = json;
        this.strictJson = json.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** What one message led to: the reply, the instruction to queue (or null), and why it is poison (or null). */
    record Outcome(InstructionReply reply, Long queueId, String poison) {}

    public void receive(Exchange exchange) throws Exception {
        JmsMessage in = exchange.getIn(JmsMessage.class);
        Message message = in.getJmsMessage();
        Session session = in.getJmsSession();
        Outcome outcome = decide(message);
        meters.counter("flashbridge.intake.rows", "source", properties.source(), "channel", "jms",
                "outcome", outcome.reply().status().toLowerCase()).increment();
        if (outcome.queueId() != null) {
            send(session, session.createQueue(payoutQueue), session.createTextMessage(Long.toString(outcome.queueId())));
        }
        TextMessage reply = session.createTextMessage(write(outcome.reply()));
        reply.setJMSCorrelationID(message.getJMSCorrelationID() != null ? message.getJMSCorrelationID() : message.getJMSMessageID());
        reply.setStringProperty("status", outcome.reply().status());
        Destination replyTo = message.getJMSReplyTo() != null ? message.getJMSReplyTo() : session.createQueue(properties.replies());
        send(session, replyTo, reply);
        if (outcome.poison() != null) {
            send(session, session.createQueue(properties.deadLetters()), deadLetter(session, message, outcome.poison()));
            log.warn("Instruction message {} dead-lettered: {}", message.getJMSMessageID(), outcome.poison());
        }
    }

    Outcome decide(Message message) throws Exception {
        String text;
        try {
            text = text(message);
        } catch (NotReadable unreadable) {
            return poison(unreadable.getMessage());
        }
        JsonNode body;
        try {
            body = strictJson.readTree(text);
        } catch (JsonProcessingException e) {
            return poison("the message is not JSON (or names a field twice) near line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr());
        }
        if (body == null || !body.isObject()) {
            return poison("the message must be one JSON object");
        }
        String paymentId = body.path("payment_id").isTextual() ? body.path("payment_id").asText() : null;
        List<RowProblem> problems = new ArrayList<>(schema.problems(body));
        RowFields fields = FX_PAYMENT.equals(body.path("kind").asText()) ? fxPaymentFields(body) : payoutFields(body);
        Validation result = Validation.of(properties.source(), fields);
        Set<String> flagged = problems.stream().map(RowProblem::field).collect(Collectors.toSet());
        result.problems().stream().filter(problem -> !flagged.contains(problem.field())).forEach(problems::add);
        if (!problems.isEmpty()) {
            return new Outcome(InstructionReply.rejected(paymentId, problems), null, null);
        }
        return record(result, message.getJMSMessageID());
    }

    private Outcome record(Validation instruction, String messageId) throws Exception {
        String source = properties.source();
        List<String> warnings = instruction.warnings();
        InstructionStore.Recorded recorded = ledger.record(new InstructionStore.MessageInstruction(new InstructionStore.NewInstruction(
                source, instruction.paymentId(), 0, instruction.kind(), instruction.amount(), instruction.currency(),
                write(instruction.instruction()), instruction.idempotencyKey()), messageId));
        if (recorded.created()) {
            log.debug("Instruction {} from {} accepted as {}", instruction.paymentId(), source, recorded.id());
            return new Outcome(InstructionReply.accepted(instruction.paymentId(), recorded.id(), warnings), recorded.id(), null);
        }
        Instruction known = recorded.existing();
        if (messageId != null && messageId.equals(recorded.existingMessageId())) {
            // Redelivered after a crash before its commit: its reply and queue entry were never sent.
            Long queueId = known.status() == PayoutStatus.RECEIVED ? known.id() : null;
            return new Outcome(InstructionReply.accepted(known.paymentId(), known.id(), warnings), queueId, null);
        }
        log.info("Instruction {} from {} received again; already {}", known.paymentId(), known.source(), known.status());
        return new Outcome(InstructionReply.duplicate(known), null, null);
    }

    private Outcome poison(String reason) {
        return new Outcome(InstructionReply.rejected(null, List.of(new RowProblem(null, reason))), null, reason);
    }

    private String text(Message message) throws JMSException, NotReadable {
        long limit = properties.maxMessageSize().toBytes();
        if (message instanceof TextMessage textMessage) {
            String text = textMessage.getText();
            if (text == null) {
                throw new NotReadable("the message is empty");
            }
            if (text.length() > limit) {
                throw new NotReadable("the message is larger than " + properties.maxMessageSize());
            }
            return text;
        }
        if (message instanceof BytesMessage bytesMessage) {
            if (bytesMessage.getBodyLength() > limit) {
                throw new NotReadable("the message is larger than " + properties.maxMessageSize());
            }
            byte[] bytes = new byte[(int) bytesMessage.getBodyLength()];
            bytesMessage.readBytes(bytes);
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new NotReadable("the message is not UTF-8 text");
            }
        }
        throw new NotReadable("the message must be a JMS text message holding JSON");
    }

    private static FxPaymentFields fxPaymentFields(JsonNode body) {
        Map<String, String> values = new HashMap<>();
        FxPaymentColumns.HEADER.forEach(column -> values.put(column, field(body, column)));
        return new FxPaymentFields(values);
    }

    private static PayoutFields payoutFields(JsonNode body) {
        return new PayoutFields(field(body, "payment_id"), field(body, "amount"), field(body, "currency"), field(body, "bsb"),
                field(body, "account_number"), field(body, "account_name"), field(body, "payid"), field(body, "payid_type"),
                field(body, "reference"), field(body, "remitter_name"), field(body, "reason"), field(body, "email"));
    }

    /** A string field's text; null when absent or not a string (the schema has said why). */
    private static String field(JsonNode body, String name) {
        JsonNode value = body.get(name);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** A copy of the unreadable message (its body when under 1 MB) with the reason as a property. */
    private static Message deadLetter(Session session, Message original, String reason) throws JMSException {
        Message copy = session.createTextMessage();
        if (original instanceof TextMessage text && text.getText() != null && text.getText().length() <= DEAD_LETTER_BODY) {
            copy = session.createTextMessage(text.getText());
        } else if (original instanceof BytesMessage bytes && bytes.getBodyLength() <= DEAD_LETTER_BODY) {
            BytesMessage bytesCopy = session.createBytesMessage();
            bytes.reset();
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            bytesCopy.writeBytes(body);
            copy = bytesCopy;
        }
        copy.setStringProperty(REASON_PROPERTY, reason);
        copy.setStringProperty("FlashBridgeOriginalMessageId", original.getJMSMessageID());
        if (original.getJMSCorrelationID() != null) {
            copy.setJMSCorrelationID(original.getJMSCorrelationID());
        }
        return copy;
    }

    private static void send(Session session, Destination destination, Message message) throws JMSException {
        try (MessageProducer producer = session.createProducer(destination)) {
            producer.send(message);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class NotReadable extends Exception {
        NotReadable(String reason) {
            super(reason, null, false, false);
        }
    }
}
