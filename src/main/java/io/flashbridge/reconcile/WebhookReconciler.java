package io.flashbridge.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flashbridge.ledger.Instruction;
import io.flashbridge.ledger.InstructionStore;
import io.flashbridge.ledger.PayoutStatus;
import io.flashbridge.ledger.StatusChange;
import io.flashbridge.ledger.WebhookInbox;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies stored webhook events to the ledger. A withdrawal event moves its payout only forward
 * and only if it is newer than the last event applied ({@code eventScheduledAt}); duplicates and
 * late events change nothing. Events for withdrawals the bridge did not create are noted and
 * left alone.
 */
@Component("webhookReconciler")
public class WebhookReconciler {

    private static final Logger log = LoggerFactory.getLogger(WebhookReconciler.class);

    private final WebhookInbox inbox;
    private final InstructionStore instructions;
    private final ObjectMapper json;

    WebhookReconciler(WebhookInbox inbox, InstructionStore instructions, ObjectMapper json) {
        this.inbox = inbox;
        this.instructions = instructions;
        this.json = json;
    }

    public void process(@Header("FlashBridgeRequestId") String requestId) throws Exception {
        Optional<WebhookInbox.StoredEvent> stored = inbox.find(requestId);
        if (stored.isEmpty()) {
            return;
        }
        JsonNode event = json.readTree(stored.get().body());
        PayoutStatus to = PayoutStatus.ofWithdrawalEvent(event.path("event").asText());
        if (to != null) {
            Optional<Instruction> payout = instructions.findForFlash(event.path("id").asText(null), event.path("externalId").asText(null));
            if (payout.isEmpty()) {
                log.info("Webhook {} {} is for withdrawal {} that the bridge did not send; ignored", requestId,
                        event.path("event").asText(), event.path("id").asText());
            } else {
                String message = event.path("statusMessage").asText(null);
                boolean moved = instructions.transition(payout.get().id(), new StatusChange(to,
                        event.path("event").asText() + (message == null ? "" : ": " + message), event.path("event").asText(),
                        requestId, FlashFields.time(event, "eventScheduledAt"), event.path("id").asText(null),
                        event.path("rejectCode").asText(null), message, FlashFields.money(event, "totalFee")));
                log.debug("Payout {} {} -> {}: {}", payout.get().paymentId(), payout.get().status(), to, moved ? "applied" : "ignored");
            }
        }
        inbox.markProcessed(requestId);
    }

    /**
     * Processes events stored more than {@code olderThanMillis} ago and still pending: the bridge
     * stopped between storing and processing them, or their processing failed.
     */
    public int sweep(long olderThanMillis) throws Exception {
        List<String> pending = inbox.unprocessed(Instant.now().minus(Duration.ofMillis(olderThanMillis)), 1_000);
        for (String requestId : pending) {
            process(requestId);
        }
        return pending.size();
    }
}
