package io.flashbridge.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flashbridge.flash.FlashFields;
import io.flashbridge.flash.PaymentLegs;
import io.flashbridge.ledger.DepositStatus;
import io.flashbridge.ledger.DepositStore;
import io.flashbridge.ledger.EventTargets;
import io.flashbridge.ledger.InstructionStore;
import io.flashbridge.ledger.PayoutStatus;
import io.flashbridge.ledger.StatusChange;
import io.flashbridge.ledger.WebhookInbox;
import io.flashbridge.submit.FundsArrived;
import io.flashbridge.webhook.RefusedEvents;
import io.flashbridge.webhook.WebhookProperties;
import io.flashbridge.webhook.WebhookReceiver;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Applies stored webhook events to the ledger. A withdrawal or FX payment event moves only the
 * instruction of that kind it is about
 * (its {@code id} and {@code externalId} must agree, see {@link EventTargets}), only forward, and
 * only if it is newer than the last event applied. An {@code eventScheduledAt} further ahead of the
 * bridge's clock than the tolerance never orders events: the time the bridge received the event
 * does instead. Duplicates and late events change nothing; events for withdrawals the bridge did not
 * create are noted and left alone. Deposit events record or move the deposit they are about
 * ({@link DepositStore}), under the same ordering rule.
 */
@Component("webhookReconciler")
public class WebhookReconciler implements io.flashbridge.webhook.InlineApplication {

    private static final Logger log = LoggerFactory.getLogger(WebhookReconciler.class);

    private final WebhookInbox inbox;
    private final InstructionStore instructions;
    private final DepositStore deposits;
    private final ApplicationEventPublisher events;
    private final EventTargets targets;
    private final RefusedEvents refused;
    private final Duration futureTolerance;
    private final ObjectMapper json;

    WebhookReconciler(WebhookInbox inbox, InstructionStore instructions, DepositStore deposits, EventTargets targets,
                      RefusedEvents refused, WebhookProperties properties, ApplicationEventPublisher events, ObjectMapper json) {
        this.inbox = inbox;
        this.instructions = instructions;
        this.deposits = deposits;
        this.events = events;
        this.targets = targets;
        this.refused = refused;
        this.futureTolerance = properties.futureTolerance();
        this.json = json;
    }

    /** Applies a stored event left pending (a deposit event, or one whose application failed as it was stored). */
    public void process(@Header(WebhookReceiver.REQUEST_ID) String requestId) throws Exception {
        Optional<WebhookInbox.StoredEvent> stored = inbox.find(requestId);
        if (stored.isEmpty()) {
            return;
        }
        JsonNode event = json.readTree(stored.get().body());
        String name = event.path("event").asText();
        DepositStatus deposit = DepositStatus.ofEvent(name);
        if (!applyPayoutEvent(requestId, stored.get(), event, name) && deposit != null
                && event.hasNonNull("id") && event.hasNonNull("amount")) {
            boolean moved = deposits.apply(DepositFacts.of(event, deposit), orderingTime(requestId, event, stored.get().receivedAt()),
                    name, requestId, null);
            if (moved && deposit == DepositStatus.CONFIRMED) {
                events.publishEvent(new FundsArrived(event.path("id").asText()));
            }
        }
        inbox.markProcessed(requestId);
    }

    /**
     * As the event is stored: payout and payment events are applied in the storing transaction;
     * deposit events wait for {@link #process} (a confirmed deposit sets off sending the payouts that
     * wait for funds, which must not run inside the ledger's shared transaction).
     */
    @Override
    public boolean applyNow(WebhookInbox.StoredEvent stored, JsonNode event) {
        String name = event.path("event").asText();
        return applyPayoutEvent(stored.requestId(), stored, event, name) || DepositStatus.ofEvent(name) == null;
    }

    /** Applies a withdrawal or FX payment event; false when the event is neither. */
    private boolean applyPayoutEvent(String requestId, WebhookInbox.StoredEvent stored, JsonNode event, String name) {
        PayoutStatus to = PayoutStatus.ofWithdrawalEvent(name);
        PayoutStatus paymentTo = PayoutStatus.ofPaymentEvent(name);
        if (to != null) {
            apply(requestId, stored, event, to, false);
        } else if (paymentTo != null) {
            apply(requestId, stored, event, paymentTo, true);
        }
        return to != null || paymentTo != null;
    }

    private void apply(String requestId, WebhookInbox.StoredEvent stored, JsonNode event, PayoutStatus to, boolean fxPayment) {
        String name = event.path("event").asText();
        String flashId = text(event, "id");
        EventTargets.Target target = targets.resolve(flashId, text(event, "externalId"), stored.channel().equals("CALLBACK"),
                fxPayment);
        if (target.refused()) {
            refused.refused("wrong-payout", "event " + requestId + " " + name + " not applied: " + target.refusal());
            return;
        }
        if (target.payout() == null) {
            log.info("Webhook {} {} is for {} {} that the bridge did not send; ignored", requestId, name,
                    fxPayment ? "payment" : "withdrawal", flashId);
            return;
        }
        if (fxPayment && !target.payout().status().isFinal()) {
            instructions.recordLegs(target.payout().id(), PaymentLegs.of(event));
        }
        // Payment events carry no statusMessage (flash-api.md 12.6): the event itself is the message.
        org.slf4j.MDC.put("paymentId", target.payout().paymentId());
        org.slf4j.MDC.put("flashId", flashId);
        try {
            applyTo(requestId, stored, event, to, fxPayment, target.payout(), name, flashId);
        } finally {
            org.slf4j.MDC.remove("paymentId");
            org.slf4j.MDC.remove("flashId");
        }
    }

    private void applyTo(String requestId, WebhookInbox.StoredEvent stored, JsonNode event, PayoutStatus to, boolean fxPayment,
                         io.flashbridge.ledger.Instruction payout, String name, String flashId) {
        String message = text(event, "statusMessage") == null && fxPayment ? paymentMessage(name) : text(event, "statusMessage");
        boolean moved = instructions.transition(payout.id(), new StatusChange(to,
                name + (message == null ? "" : ": " + message), name, requestId, orderingTime(requestId, event, stored.receivedAt()),
                flashId, text(event, "rejectCode"), message, FlashFields.money(event, "totalFee")));
        log.debug("Payout {} {} -> {}: {}", payout.paymentId(), payout.status(), to, moved ? "applied" : "ignored");
    }

    /** The event's own time, unless it lies further in the future than the tolerance allows. */
    private Instant orderingTime(String requestId, JsonNode event, Instant receivedAt) {
        Instant scheduled = FlashFields.time(event, "eventScheduledAt");
        if (scheduled != null && receivedAt != null && scheduled.isAfter(receivedAt.plus(futureTolerance))) {
            refused.refused("future-event-time", "event " + requestId + " says eventScheduledAt " + scheduled
                    + ", beyond " + futureTolerance + " after it arrived; ordered by its arrival " + receivedAt + " instead");
            return receivedAt;
        }
        return scheduled;
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

    private static String paymentMessage(String event) {
        return switch (event) {
            case "currency_converted" -> "Currency converted";
            case "payment_complete" -> "Payment complete";
            case "payment_failed" -> "Payment failed";
            default -> "Payment cancelled";
        };
    }

    private static String text(JsonNode event, String field) {
        return event.hasNonNull(field) && event.path(field).isValueNode() ? event.path(field).asText() : null;
    }
}
