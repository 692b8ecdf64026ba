package io.flashbridge.sandbox;

import static io.flashbridge.sandbox.Withdrawal.Status.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A payout and its {@code WithdrawalStatus} lifecycle (flash-api.md 9.1); transitions outside the table are refused. */
final class Withdrawal implements Transaction {

    enum Status {
        INITIALISED, REVIEWING, PENDING, CONFIRMED, FAILED, REFUNDED, CANCELLED;

        Set<Status> next() {
            return switch (this) {
                case INITIALISED -> EnumSet.of(REVIEWING, PENDING, CANCELLED);
                case REVIEWING -> EnumSet.of(PENDING, CANCELLED);
                case PENDING -> EnumSet.of(CONFIRMED, FAILED);
                case CONFIRMED -> EnumSet.of(FAILED);
                case FAILED -> EnumSet.of(REFUNDED, CANCELLED, PENDING);
                case REFUNDED, CANCELLED -> EnumSet.noneOf(Status.class);
            };
        }
    }

    private final String id = Ids.next();
    private final String clientEmail;
    private final Instant createdAt;
    private final Map<String, Object> input;
    private final BigDecimal amount;
    private final BigDecimal fee;
    private final String currency;
    private final Map<String, Object> sender;
    private final Map<String, Object> recipient;
    private final Map<String, Object> subClient;
    private Status status = INITIALISED;
    private String statusMessage = "Withdrawal initiated";
    private Instant clearedAt;
    private Instant rejectedAt;
    private String rejectCode;
    private Instant refundedAt;
    private BigDecimal refundAmount;
    private String refundReason;

    Withdrawal(String clientEmail, Map<String, Object> input, BigDecimal amount, BigDecimal fee,
               Map<String, Object> sender, Map<String, Object> recipient, Map<String, Object> subClient, Instant now) {
        this.clientEmail = clientEmail;
        this.input = input;
        this.amount = amount;
        this.fee = fee;
        this.currency = (String) input.get("currency");
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
        return (String) input.get("externalId");
    }

    String clientEmail() {
        return clientEmail;
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

    BigDecimal amount() {
        return amount;
    }

    String currency() {
        return currency;
    }

    synchronized Status status() {
        return status;
    }

    /** Moves to {@code target} if 9.1 allows it; returns false (and changes nothing) otherwise. */
    synchronized boolean moveTo(Status target, String message, Instant now) {
        if (!status.next().contains(target)) {
            return false;
        }
        status = target;
        statusMessage = message;
        switch (target) {
            case CONFIRMED -> clearedAt = now;
            case REFUNDED -> {
                refundedAt = now;
                refundAmount = amount;
                refundReason = message;
                statusMessage = "Payout reversal";
            }
            default -> { }
        }
        return true;
    }

    synchronized boolean cancel(String code, String message, Instant now) {
        if (!moveTo(CANCELLED, message, now)) {
            return false;
        }
        rejectCode = code;
        rejectedAt = now;
        return true;
    }

    @Override
    public synchronized Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("status", status.name());
        view.put("statusMessage", statusMessage);
        view.put("amount", amount);
        view.put("currency", currency);
        view.put("totalFee", fee);
        view.put("createdAt", Timestamps.format(createdAt));
        view.put("clearedAt", Timestamps.format(clearedAt));
        view.put("rejectedAt", Timestamps.format(rejectedAt));
        view.put("rejectCode", rejectCode);
        view.put("refundedAt", Timestamps.format(refundedAt));
        view.put("refundAmount", refundAmount);
        view.put("refundReason", refundReason);
        view.put("reason", input.get("reason"));
        view.put("callbackUri", input.get("callbackUri"));
        view.put("rail", "NPP");
        view.put("railService", "NPP SCT");
        view.put("sender", sender);
        view.put("recipient", recipient);
        view.put("subClient", subClient);
        view.put("externalId", input.get("externalId"));
        view.put("externalReference", input.get("externalReference"));
        view.put("idempotencyKey", input.get("idempotencyKey"));
        return view;
    }
}
