package io.flashbridge.intake.jms;

import java.util.List;
import java.util.Map;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.springframework.stereotype.Component;

/**
 * Sends a round of events from a ledger outbox to a queue: persistent, in one JMS transaction, each
 * with its string properties ({@code JMSXGroupID} keeps one entity's events in order across consumers).
 */
@Component
class OutboxSender {

    /** One event: its JSON body and its string properties. */
    record Event(String body, Map<String, String> properties) {}

    private final ConnectionFactory connections;

    OutboxSender(ConnectionFactory connections) {
        this.connections = connections;
    }

    void send(String queue, List<Event> events) throws JMSException {
        try (Connection connection = connections.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
             MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (Event event : events) {
                TextMessage message = session.createTextMessage(event.body());
                for (Map.Entry<String, String> property : event.properties().entrySet()) {
                    message.setStringProperty(property.getKey(), property.getValue());
                }
                producer.send(message);
            }
            session.commit();
        }
    }
}
