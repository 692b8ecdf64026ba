package io.flashbridge.intake.jms;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

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

    private static final int ROUND = 500;

    private final ConnectionFactory connections;

    OutboxSender(ConnectionFactory connections) {
        this.connections = connections;
    }

    /**
     * Publishes an outbox to {@code queue} in rounds of {@value #ROUND}: {@code oldest} reads a round,
     * {@code published} deletes it once the round is committed on the broker; answers how many.
     */
    <T> int drain(String queue, IntFunction<List<T>> oldest, Function<T, Event> event, Consumer<List<T>> published)
            throws JMSException {
        int sent = 0;
        List<T> round = oldest.apply(ROUND);
        while (!round.isEmpty()) {
            send(queue, round.stream().map(event).toList());
            published.accept(round);
            sent += round.size();
            round = round.size() < ROUND ? List.of() : oldest.apply(ROUND);
        }
        return sent;
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
