package io.flashbridge.intake.jms;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flashbridge.ledger.Deposit;
import io.flashbridge.ledger.DepositStore;
import jakarta.jms.JMSException;
import org.springframework.stereotype.Component;

/**
 * Tells core banking about money that arrived: every deposit status change, from the ledger's
 * outbox to {@code flashbridge.deposits} (JSON, grouped by deposit id, {@code eventId} for dedupe),
 * with the payer's reference and the payer's account masked as in the deposit report.
 */
@Component("depositEvents")
public class DepositEvents {

    private final DepositStore deposits;
    private final OutboxSender sender;
    private final JmsIntakeProperties properties;
    private final ObjectMapper json;

    DepositEvents(DepositStore deposits, OutboxSender sender, JmsIntakeProperties properties, ObjectMapper json) {
        this.deposits = deposits;
        this.sender = sender;
        this.properties = properties;
        this.json = json;
    }

    /** Publishes what the outbox holds, in rounds of at most 500; answers how many. */
    public int publish() throws JMSException {
        return sender.drain(properties.deposits(), deposits::unpublished, event -> new OutboxSender.Event(body(event),
                        Map.of("JMSXGroupID", event.deposit().flashId(), "depositId", event.deposit().flashId(), "status", event.status())),
                round -> deposits.published(round.stream().map(DepositStore.DepositEvent::id).toList()));
    }

    private String body(DepositStore.DepositEvent event) {
        Deposit deposit = event.deposit();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", event.id());
        body.put("depositId", deposit.flashId());
        body.put("status", event.status());
        body.put("previousStatus", event.previousStatus());
        body.put("amount", deposit.amount().toPlainString());
        body.put("fee", deposit.fee() == null ? null : deposit.fee().toPlainString());
        body.put("currency", deposit.currency());
        body.put("reference", deposit.reference());
        body.put("payerName", deposit.payerName());
        body.put("payerBsb", deposit.payerBsb());
        body.put("payerAccount", deposit.payerAccount());
        body.put("vanBsb", deposit.vanBsb());
        body.put("vanAccount", deposit.vanAccount());
        body.put("subClientId", deposit.subClientId());
        body.put("subClientExternalId", deposit.subClientExternalId());
        body.put("createdAt", text(deposit.createdAt()));
        body.put("at", text(event.at()));
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
