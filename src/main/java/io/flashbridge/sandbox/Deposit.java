package io.flashbridge.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A deposit into a virtual account and its lifecycle (flash-api.md 9.2, with gap 11's {@code CANCELLED}). */
final class Deposit implements Transaction {

    enum Status {
        INITIALISED, REVIEWING, CONFIRMED, REFUNDING, REFUNDED, CANCELLED;

        Set<Status> next() {
            return switch (this) {
                case INITIALISED -> EnumSet.of(REVIEWING, CONFIRMED, CANCELLED);
                case REVIEWING -> EnumSet.of(CONFIRMED, REFUNDING, CANCELLED);
                case CONFIRMED -> EnumSet.of(REFUNDING);
                case REFUNDING -> EnumSet.of(REFUNDED);
                case REFUNDED, CANCELLED -> EnumSet.noneOf(Status.class);
            };
        }
    }

    private final String id = Ids.next();
    private final String externalId = "PR." + Ids.next().substring(0, 4);
    private final Instant createdAt;
    private final BigDecimal amount;
    private final BigDecimal fee;
    private final String currency;
    private final String externalReference;
    private final Map<String, Object> sender;
    private final Map<String, Object> recipient;
    private final Map<String, Object> subClient;
    private Status status = Status.INITIALISED;
    private String statusMessage = "Deposit initiated";
    private Instant clearedAt;
    private BigDecimal refundAmount;
    private String refundReason;
    private Instant refundedAt;

    Deposit(BigDecimal amount, BigDecimal fee, String currency, String externalReference, Map<String, Object> sender,
            Map<String, Object> recipient, Map<String, Object> subClient, Instant now) {
        this.amount = amount;
        this.fee = fee;
        this.currency = currency;
        this.externalReference = externalReference;
        this.sender = sender;
        this.recipient = recipient;
        this.subClient = subClient;
        this.createdAt = now;
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
        return externalId;
    }

    BigDecimal amount() {
        return amount;
    }

    BigDecimal fee() {
        return fee;
    }

    String currency() {
        return currency;
    }

    String subClientId() {
        return subClient == null ? null : (String) subClient.get("id");
    }

    synchronized Status status() {
        return status;
    }

    synchronized boolean moveTo(Status target, String message, Instant now) {
        if (!status.next().contains(target)) {
            return false;
        }
        status = target;
        statusMessage = message;
        if (target == Status.CONFIRMED) {
            clearedAt = now;
        }
        if (target == Status.REFUNDED) {
            refundedAt = now;
        }
        return true;
    }

    synchronized boolean startRefund(BigDecimal amount, String reason, Instant now) {
        if (!moveTo(Status.REFUNDING, "Deposit refunded", now)) {
            return false;
        }
        refundAmount = amount;
        refundReason = reason;
        return true;
    }

    @Override
    public synchronized Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("amount", amount);
        view.put("currency", currency);
        view.put("totalFee", fee);
        view.put("status", status.name());
        view.put("statusMessage", statusMessage);
        view.put("externalId", externalId);
        view.put("externalReference", externalReference);
        view.put("createdAt", Timestamps.format(createdAt));
        view.put("clearedAt", Timestamps.format(clearedAt));
        view.put("refundAmount", refundAmount);
        view.put("refundReason", refundReason);
        view.put("refundedAt", Timestamps.format(refundedAt));
        view.put("subClient", subClient);
        view.put("sender", sender);
        view.put("recipient", recipient);
        view.put("rail", "NPP");
        view.put("railService", "NPP SCT");
        return view;
    }
}
