package io.flashbridge.intake.jms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flashbridge.ledger.StatusOutbox;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.springframework.stereotype.Component;

/**
 * Publishes the status changes of JMS instructions from the ledger's outbox to
 * {@code flashbridge.status}: persistent, in one JMS transaction per round, grouped by payment id
 * ({@code JMSXGroupID}) so that several consumers still see one payout's changes in order. A crash
 * after the commit and before the outbox is cleared publishes those events again: consumers
 * deduplicate on {@code eventId}.
 */
@Component("statusEvents")
public class StatusEvents {

    private static final int ROUND = 500;

    private final StatusOutbox outbox;
    private final ConnectionFactory connections;
    private final JmsIntakeProperties properties;
    private final ObjectMapper json;

    StatusEvents(StatusOutbox outbox, ConnectionFactory connections, JmsIntakeProperties properties, ObjectMapper json) {
        this.outbox = outbox;
        this.connections = connections;
        this.properties = properties;
        this.json = json;
    }

    /** Publishes what the outbox holds, a round of at most 500 at a time; answers how many. */
    public int publish() throws JMSException {
        int published = 0;
        List<StatusOutbox.StatusEvent> round = outbox.oldest(ROUND);
        while (!round.isEmpty()) {
            send(round);
            outbox.published(round.stream().map(StatusOutbox.StatusEvent::id).toList());
            published += round.size();
            round = round.size() < ROUND ? List.of() : outbox.oldest(ROUND);
        }
        return published;
    }

    private void send(List<StatusOutbox.StatusEvent> events) throws JMSException {
        try (Connection connection = connections.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
             MessageProducer producer = session.createProducer(session.createQueue(properties.status()))) {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (StatusOutbox.StatusEvent event : events) {
                TextMessage message = session.createTextMessage(body(event));
                message.setStringProperty("JMSXGroupID", event.paymentId());
                message.setStringProperty("paymentId", event.paymentId());
                message.setStringProperty("status", event.status());
                producer.send(message);
            }
            session.commit();
        }
    }

    private String body(StatusOutbox.StatusEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", event.id());
        body.put("paymentId", event.paymentId());
        body.put("instructionId", event.instructionId());
        body.put("flashId", event.flashId());
        body.put("status", event.status());
        body.put("previousStatus", event.previousStatus());
        body.put("rejectCode", event.rejectCode());
        body.put("statusMessage", event.statusMessage());
        body.put("amount", event.amount() == null ? null : event.amount().toPlainString());
        body.put("currency", event.currency());
        body.put("fee", event.fee() == null ? null : event.fee().toPlainString());
        body.put("at", event.at().toString());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
