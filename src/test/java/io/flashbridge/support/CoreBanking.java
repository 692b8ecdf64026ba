package io.flashbridge.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** Core banking as the bridge sees it: a JMS client over TCP that sends instructions and reads replies and events. */
public final class CoreBanking implements AutoCloseable {

    private final ActiveMQConnectionFactory factory;
    private final Connection connection;
    private final Session session;
    private final Session listenerSession;
    private final ObjectMapper json = new ObjectMapper();

    public CoreBanking(int brokerPort) throws JMSException {
        this("tcp://127.0.0.1:" + brokerPort, null, null);
    }

    /** Core banking logging in to a broker that requires it. */
    public CoreBanking(String brokerUrl, String user, String password) throws JMSException {
        factory = new ActiveMQConnectionFactory(brokerUrl);
        connection = user == null ? factory.createConnection() : factory.createConnection(user, password);
        connection.start();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        listenerSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    /** A payout instruction as core banking sends it: {@code amount} AUD to one fixed account. */
    public static String payout(String paymentId, String amount, String reference) {
        return "{\"kind\":\"payout\",\"payment_id\":\"" + paymentId + "\",\"amount\":\"" + amount + "\",\"currency\":\"AUD\","
                + "\"bsb\":\"062-000\",\"account_number\":\"12345678\",\"account_name\":\"Katarina Oreiro\","
                + "\"reference\":\"" + reference + "\",\"remitter_name\":\"Acme Payroll Pty Ltd\"}";
    }

    /** Sends {@code body} to flashbridge.instructions with a fresh correlation id, replies to {@code replyTo} (null: none); answers the id. */
    public String send(String body, Destination replyTo) throws JMSException {
        TextMessage message = session.createTextMessage(body);
        String correlationId = UUID.randomUUID().toString();
        message.setJMSCorrelationID(correlationId);
        message.setJMSReplyTo(replyTo);
        try (var producer = session.createProducer(session.createQueue("flashbridge.instructions"))) {
            producer.send(message);
        }
        return correlationId;
    }

    /** Sends {@code bodies} in transactions of 100 messages, as a bulk sender would; answers their correlation ids in order. */
    public List<String> sendInTransactions(List<String> bodies, Destination replyTo) throws JMSException {
        List<String> correlationIds = new ArrayList<>(bodies.size());
        try (Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
             var producer = transacted.createProducer(transacted.createQueue("flashbridge.instructions"))) {
            for (String body : bodies) {
                TextMessage message = transacted.createTextMessage(body);
                String correlationId = UUID.randomUUID().toString();
                message.setJMSCorrelationID(correlationId);
                message.setJMSReplyTo(replyTo);
                producer.send(message);
                correlationIds.add(correlationId);
                if (correlationIds.size() % 100 == 0) {
                    transacted.commit();
                }
            }
            transacted.commit();
        }
        return correlationIds;
    }

    public Destination temporaryQueue() throws JMSException {
        return session.createTemporaryQueue();
    }

    public Session session() {
        return session;
    }

    /** A session of its own for asynchronous listeners (a session with a listener may not also receive synchronously). */
    public Session listenerSession() {
        return listenerSession;
    }

    /** The next message on {@code destination} whose selector matches, as JSON; fails after {@code atMost}. */
    public JsonNode receive(Destination destination, String selector, Duration atMost) throws Exception {
        return json.readTree(((TextMessage) receiveMessage(destination, selector, atMost)).getText());
    }

    /** The next message on {@code destination} matching {@code selector} (null: any) if one waits, else null. */
    public Message receiveMessageOrNull(Destination destination, String selector) throws JMSException {
        return receiveWithin(destination, selector, Duration.ofMillis(200));
    }

    public Message receiveMessage(Destination destination, String selector, Duration atMost) throws JMSException {
        Message message = receiveWithin(destination, selector, atMost);
        if (message == null) {
            throw new AssertionError("nothing on " + destination + " matching " + selector + " within " + atMost);
        }
        return message;
    }

    private Message receiveWithin(Destination destination, String selector, Duration atMost) throws JMSException {
        try (MessageConsumer consumer = session.createConsumer(destination, selector)) {
            return consumer.receive(atMost.toMillis());
        }
    }

    /** Status events of {@code paymentId} from flashbridge.status until one has {@code finalStatus}. */
    public List<JsonNode> statusEventsUntil(String paymentId, String finalStatus, Duration atMost) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        long deadline = System.nanoTime() + atMost.toNanos();
        try (MessageConsumer consumer = session.createConsumer(session.createQueue("flashbridge.status"),
                "paymentId = '" + paymentId + "'")) {
            while (events.isEmpty() || !events.get(events.size() - 1).path("status").asText().equals(finalStatus)) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                Message message = left > 0 ? consumer.receive(left) : null;
                if (message == null) {
                    throw new AssertionError("no " + finalStatus + " event for " + paymentId + "; got " + events);
                }
                events.add(json.readTree(((TextMessage) message).getText()));
            }
        }
        return events;
    }

    @Override
    public void close() throws JMSException {
        connection.close();
        factory.close();
    }
}
