package io.flashbridge.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Turns a transaction's status change into a webhook payload with the fields of flash-api.md
 * 12.6 and sends it to the client's regular endpoint (if subscribed) and to the transaction's
 * ad hoc {@code callbackUri} (if any).
 */
@Component
class Events {

    private static final List<String> WITHDRAWAL_BASE =
            List.of("id", "amount", "totalFee", "currency", "externalId", "subClient");
    private static final Map<String, List<String>> WITHDRAWAL_EXTRA = Map.of(
            "withdrawal_initiated", List.of(),
            "withdrawal_reviewing", List.of("statusMessage"),
            "withdrawal_pending", List.of("statusMessage"),
            "withdrawal_completed", List.of("statusMessage", "clearedAt"),
            "withdrawal_failed", List.of("statusMessage"),
            "withdrawal_refunded", List.of("refundAmount", "refundReason", "statusMessage", "refundedAt", "clearedAt", "recipient"),
            "withdrawal_cancelled", List.of("rejectCode", "rejectedAt", "statusMessage"));
    private static final List<String> PAYMENT_FIELDS =
            List.of("id", "fromAmount", "fromCurrency", "toAmount", "toCurrency", "externalId");
    private static final List<String> DEPOSIT_FIELDS = List.of("id", "amount", "totalFee", "currency",
            "externalReference", "clearedAt", "statusMessage", "recipient", "sender", "subClient");
    private static final List<String> DEPOSIT_REFUND_FIELDS = List.of("refundAmount", "refundReason", "refundedAt");

    private final WebhookDispatcher dispatcher;
    private final SimulationClock clock;
    private final SandboxProperties properties;

    Events(WebhookDispatcher dispatcher, SimulationClock clock, SandboxProperties properties) {
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.properties = properties;
    }

    void withdrawal(ClientAccount account, Withdrawal withdrawal, String event) {
        Map<String, Object> view = withdrawal.view();
        Map<String, Object> payload = payload(event, view, WITHDRAWAL_BASE);
        WITHDRAWAL_EXTRA.get(event).forEach(field -> payload.put(field, view.get(field)));
        if (payload.containsKey("recipient")) {
            payload.put("recipient", refundRecipient(view));
        }
        payload.values().removeIf(value -> value == null);
        publish(account, event, withdrawal.id(), payload, withdrawal.callbackUri());
    }

    void payment(ClientAccount account, Payment payment, String event) {
        Map<String, Object> view = payment.view();
        List<String> fields = event.equals("payment_created")
                ? List.of("id", "fromAmount", "fromCurrency", "toAmount", "toCurrency", "subClient")
                : PAYMENT_FIELDS;
        Map<String, Object> payload = payload(event, view, fields);
        payload.values().removeIf(value -> value == null);
        publish(account, event, payment.id(), payload, payment.callbackUri());
    }

    void deposit(ClientAccount account, Deposit deposit, String event) {
        Map<String, Object> view = deposit.view();
        Map<String, Object> payload = payload(event, view, DEPOSIT_FIELDS);
        if (event.equals("deposit_refunding") || event.equals("deposit_refunded")) {
            DEPOSIT_REFUND_FIELDS.forEach(field -> payload.put(field, view.get(field)));
        }
        if (payload.get("subClient") == null) {
            payload.remove("subClient");
        }
        publish(account, event, deposit.id(), payload, null);
    }

    void rfiCreated(ClientAccount account, String rfiId, String withdrawalId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("event", "rfi_created");
        payload.put("eventScheduledAt", Timestamps.format(clock.now()));
        payload.put("id", rfiId);
        payload.put("statusMessage", "Awaiting client response");
        payload.put("deadline", Timestamps.format(clock.now().plus(java.time.Duration.ofDays(7))));
        payload.put("depositIds", List.of());
        payload.put("withdrawalIds", List.of(withdrawalId));
        payload.put("paymentIds", List.of());
        payload.put("createdAt", Timestamps.format(clock.now()));
        payload.put("updatedAt", Timestamps.format(clock.now()));
        publish(account, "rfi_created", rfiId, payload, null);
    }

    /** FlashConnect's "Send Test" button: a dummy event that must be acknowledged like real ones. */
    void test(ClientAccount account) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("event", "test");
        payload.put("eventScheduledAt", Timestamps.format(clock.now()));
        payload.put("id", Ids.next());
        publish(account, "test", (String) payload.get("id"), payload, null);
    }

    private Map<String, Object> payload(String event, Map<String, Object> view, List<String> fields) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("event", event);
        payload.put("eventScheduledAt", Timestamps.format(clock.now()));
        fields.forEach(field -> payload.put(field, view.get(field)));
        return payload;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> refundRecipient(Map<String, Object> view) {
        Map<String, Object> recipient = (Map<String, Object>) view.get("recipient");
        Map<String, Object> shown = new LinkedHashMap<>();
        if (recipient != null) {
            shown.put("displayName", recipient.get("displayName"));
            shown.put("bsb", recipient.get("bsb"));
            shown.put("accountNo", recipient.get("accountNo"));
        }
        return shown;
    }

    private void publish(ClientAccount account, String event, String entityId, Map<String, Object> payload,
                         String callbackUri) {
        SandboxProperties.Webhook endpoint = account.webhook();
        if (endpoint != null && endpoint.url() != null && !endpoint.url().isBlank()
                && (endpoint.events() == null || endpoint.events().isEmpty() || endpoint.events().contains(event))) {
            dispatcher.send(endpoint.url(), endpoint.secret(), event, entityId, payload);
        }
        if (callbackUri != null && !callbackUri.isBlank()) {
            dispatcher.send(callbackUri, properties.callbackSecret(), event, entityId, payload);
        }
    }
}
