package io.flashbridge.ops.console;

import java.util.ArrayList;
import java.util.List;

import io.flashbridge.intake.jms.InstructionMessages;
import io.flashbridge.intake.jms.JmsIntakeProperties;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * The dead-letter queue as ops see it: messages the intake could not read, or could not record
 * after its redeliveries, with the reason. Replay sends the body to the instruction queue again
 * (it gets its own reply there); discard removes it. Both are recorded with the operator.
 */
@Component
class DeadLetters {

    /** One dead-lettered message; its body shown at most 2,000 characters long. */
    record DeadLetter(String messageId, String reason, String originalMessageId, long timestamp, String body) {}

    private final JmsTemplate jms;
    private final JmsIntakeProperties properties;
    private final OpsActions actions;

    DeadLetters(jakarta.jms.ConnectionFactory connections, JmsIntakeProperties properties, OpsActions actions) {
        this.jms = new JmsTemplate(connections);
        this.jms.setReceiveTimeout(1_000);
        this.properties = properties;
        this.actions = actions;
    }

    List<DeadLetter> list() {
        return jms.browse(properties.deadLetters(), (session, browser) -> {
            List<DeadLetter> letters = new ArrayList<>();
            java.util.Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements() && letters.size() < ConsoleQueries.LIMIT) {
                letters.add(view((Message) messages.nextElement()));
            }
            return letters;
        });
    }

    /** Sends the message's body to the instruction queue again and removes it; false when it is no longer there. */
    boolean replay(String messageId, String actor) throws JMSException {
        Message message = take(messageId);
        if (message == null) {
            return false;
        }
        String body = message instanceof TextMessage text ? text.getText() : null;
        jms.send(properties.instructions(), session -> session.createTextMessage(body));
        actions.record(actor, "dead-letter-replayed", messageId, reasonOf(message));
        return true;
    }

    boolean discard(String messageId, String actor) throws JMSException {
        Message message = take(messageId);
        if (message == null) {
            return false;
        }
        actions.record(actor, "dead-letter-discarded", messageId, reasonOf(message));
        return true;
    }

    private Message take(String messageId) {
        if (!messageId.matches("[A-Za-z0-9:_.-]{1,200}")) {
            return null;
        }
        return jms.receiveSelected(properties.deadLetters(), "JMSMessageID = '" + messageId + "'");
    }

    private static DeadLetter view(Message message) throws JMSException {
        String body = message instanceof TextMessage text && text.getText() != null ? text.getText() : "(not text)";
        return new DeadLetter(message.getJMSMessageID(), reasonOf(message),
                message.getStringProperty("FlashBridgeOriginalMessageId"), message.getJMSTimestamp(),
                body.length() > 2_000 ? body.substring(0, 2_000) + "…" : body);
    }

    private static String reasonOf(Message message) throws JMSException {
        String reason = message.getStringProperty(InstructionMessages.REASON_PROPERTY);
        return reason == null ? "failed its redeliveries (the broker's dead-letter address)" : reason;
    }
}
