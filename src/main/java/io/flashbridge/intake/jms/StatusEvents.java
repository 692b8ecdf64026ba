package io.flashbridge.intake.jms;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flashbridge.ledger.StatusOutbox;
import jakarta.jms.JMSException;
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

    private final StatusOutbox outbox;
    private final OutboxSender sender;
    private final JmsIntakeProperties properties;
    private final ObjectMapper json;

    StatusEvents(StatusOutbox outbox, OutboxSender sender, JmsIntakeProperties properties, ObjectMapper json) {
        this.outbox = outbox;
        this.sender = sender;
        this.properties = properties;
        this.json = json;
    }

    /** Publishes what the outbox holds, in rounds of at most 500; answers how many. */
    public int publish() throws JMSException {
        return sender.drain(properties.status(), outbox::oldest, event -> new OutboxSender.Event(body(event),
                        Map.of("JMSXGroupID", event.paymentId(), "paymentId", event.paymentId(), "status", event.status())),
                round -> outbox.published(round.stream().map(StatusOutbox.StatusEvent::id).toList()));
    }

    private String body(StatusOutbox.StatusEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", event.id());
        body.put("kind", "PAYMENT".equals(event.kind()) ? "fx-payment" : "payout");
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
        if ("PAYMENT".equals(event.kind())) {
            body.put("fromAmount", event.fromAmount() == null ? null : event.fromAmount().toPlainString());
            body.put("fromCurrency", event.fromCurrency());
            body.put("toAmount", event.toAmount() == null ? null : event.toAmount().toPlainString());
            body.put("toCurrency", event.toCurrency());
        }
        body.put("at", event.at().toString());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
