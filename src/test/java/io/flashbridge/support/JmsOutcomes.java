package io.flashbridge.support;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.MessageConsumer;
import jakarta.jms.TextMessage;

/**
 * What core banking has seen of its instructions across broker restarts: reply message ids per
 * correlation id (a client may see one reply twice when the broker died before its ack, so ids
 * are kept, not counts) and the payment ids with a CONFIRMED event on {@code flashbridge.status}.
 */
public final class JmsOutcomes {

    private final Map<String, Set<String>> repliesByCorrelation = new ConcurrentHashMap<>();
    private final Set<String> confirmed = ConcurrentHashMap.newKeySet();
    private final ObjectMapper json = new ObjectMapper();

    /** Listens on {@code core}'s connection to the queue {@code replies} and to CONFIRMED status events. */
    public void listen(CoreBanking core, String replies) throws Exception {
        MessageConsumer replyConsumer = core.listenerSession().createConsumer(core.listenerSession().createQueue(replies));
        replyConsumer.setMessageListener(message -> {
            try {
                repliesByCorrelation.computeIfAbsent(message.getJMSCorrelationID(), id -> ConcurrentHashMap.newKeySet())
                        .add(message.getJMSMessageID());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // Every event is taken, as the README asks of core banking: one left on the queue by a selector
        // stays there, and once the queue pages a selective consumer can starve.
        MessageConsumer statusConsumer = core.listenerSession().createConsumer(core.listenerSession().createQueue("flashbridge.status"));
        statusConsumer.setMessageListener(message -> {
            try {
                if ("CONFIRMED".equals(message.getStringProperty("status"))) {
                    confirmed.add(json.readTree(((TextMessage) message).getText()).path("paymentId").asText());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public Map<String, Set<String>> repliesByCorrelation() {
        return repliesByCorrelation;
    }

    public Set<String> confirmed() {
        return confirmed;
    }
}
