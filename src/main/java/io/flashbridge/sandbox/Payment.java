package io.flashbridge.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An FX payment and its {@code PaymentStatus} lifecycle (flash-api.md 9.3). */
final class Payment implements Transaction {

    enum Status {
        INITIALISING, OPEN, CLOSED, FAILED, CANCELLED;

        Set<Status> next() {
            return switch (this) {
                case INITIALISING -> EnumSet.of(OPEN);
                case OPEN -> EnumSet.of(CLOSED, FAILED, CANCELLED);
                case CLOSED, FAILED, CANCELLED -> EnumSet.noneOf(Status.class);
            };
        }
    }

    /** Amounts of both legs; {@code rate} is units of {@code toCurrency} per 1 {@code fromCurrency}. */
    record Legs(String fromCurrency, BigDecimal fromAmount, String toCurrency, BigDecimal toAmount, BigDecimal rate) {}

    private final String id = Ids.next();
    private final Instant createdAt;
    private final Map<String, Object> input;
    private final Legs legs;
    private final BigDecimal fee;
    private final Map<String, Object> sender;
    private final Map<String, Object> recipient;
    private final Map<String, Object> subClient;
    private final List<Map<String, Object>> history = new ArrayList<>();
    private Status status = Status.OPEN;
    private String statusMessage = "Scheduled for immediate execution";

    Payment(Map<String, Object> input, Legs legs, BigDecimal fee, Map<String, Object> sender,
            Map<String, Object> recipient, Map<String, Object> subClient, Instant now) {
        this.input = input;
        this.legs = legs;
        this.fee = fee;
        this.sender = sender;
        this.recipient = recipient;
        this.subClient = subClient;
        this.createdAt = now;
        log(now, "Payment opened");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public String externalId() {
        return (String) input.get("externalId");
    }

    String externalReference() {
        return (String) input.get("externalReference");
    }

    String callbackUri() {
        return (String) input.get("callbackUri");
    }

    String subClientId() {
        return subClient == null ? null : (String) subClient.get("id");
    }

    Legs legs() {
        return legs;
    }

    synchronized Status status() {
        return status;
    }

    synchronized void log(Instant at, String description) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("at", Timestamps.format(at));
        entry.put("description", description);
        history.add(entry);
    }

    synchronized boolean moveTo(Status target, String message, Instant now) {
        if (!status.next().contains(target)) {
            return false;
        }
        status = target;
        statusMessage = message;
        log(now, message);
        return true;
    }

    @Override
    public synchronized Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("status", status.name());
        view.put("statusMessage", statusMessage);
        view.put("size", input.get("size"));
        view.put("currency", input.getOrDefault("currency", legs.fromCurrency()));
        view.put("fromCurrency", legs.fromCurrency());
        view.put("toCurrency", legs.toCurrency());
        view.put("fromAmount", legs.fromAmount());
        view.put("toAmount", legs.toAmount());
        view.put("rate", legs.rate() == null ? null : legs.rate().doubleValue());
        view.put("totalFee", fee);
        view.put("createdAt", Timestamps.format(createdAt));
        view.put("reason", input.get("reason"));
        view.put("sourceOfFunds", input.get("sourceOfFunds"));
        view.put("sender", sender);
        view.put("recipient", recipient);
        view.put("subClient", subClient);
        view.put("callbackUri", input.get("callbackUri"));
        view.put("externalId", input.get("externalId"));
        view.put("externalReference", input.get("externalReference"));
        view.put("idempotencyKey", input.get("idempotencyKey"));
        view.put("history", List.copyOf(history));
        return view;
    }
}
