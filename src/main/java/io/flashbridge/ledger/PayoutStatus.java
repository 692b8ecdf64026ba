package io.flashbridge.ledger;

import java.util.EnumSet;
import java.util.Set;

/**
 * An instruction's status in the ledger: the bridge's own states before and around submission
 * ({@code AWAITING_FUNDS}: Flash refused it for insufficient funds and it waits for money), then
 * Flash's {@code WithdrawalStatus} for payouts (flash-api.md 9.1) or {@code PaymentStatus} for FX
 * payments (9.3: {@code OPEN}, {@code CLOSED}, {@code PAYMENT_FAILED} for Flash's {@code FAILED},
 * which unlike a withdrawal's is final, and {@code CANCELLED}). {@link #canMoveTo} is the lifecycle:
 * it allows skipping states whose webhook was lost, never moving back.
 */
public enum PayoutStatus {
    RECEIVED, SUBMITTING, PARKED, API_REJECTED, AWAITING_FUNDS,
    INITIALISED, REVIEWING, PENDING, CONFIRMED, FAILED, REFUNDED, CANCELLED,
    OPEN, CLOSED, PAYMENT_FAILED;

    private static final Set<PayoutStatus> FLASH = EnumSet.of(INITIALISED, REVIEWING, PENDING, CONFIRMED, FAILED, REFUNDED, CANCELLED,
            OPEN, CLOSED, PAYMENT_FAILED);

    public boolean canMoveTo(PayoutStatus target) {
        Set<PayoutStatus> allowed = switch (this) {
            case RECEIVED, SUBMITTING -> union(FLASH, EnumSet.of(SUBMITTING, PARKED, API_REJECTED, AWAITING_FUNDS));
            // Sent again once the balance covers it, or refused for good when the wait is over.
            case AWAITING_FUNDS -> EnumSet.of(RECEIVED, API_REJECTED);
            case PARKED -> union(FLASH, EnumSet.of(RECEIVED));
            case INITIALISED -> EnumSet.of(REVIEWING, PENDING, CONFIRMED, FAILED, REFUNDED, CANCELLED);
            case REVIEWING -> EnumSet.of(PENDING, CONFIRMED, FAILED, REFUNDED, CANCELLED);
            case PENDING -> EnumSet.of(CONFIRMED, FAILED, REFUNDED, CANCELLED);
            case CONFIRMED -> EnumSet.of(FAILED, REFUNDED, CANCELLED);
            // FAILED -> PENDING is Flash's rare retry; event times keep a stale "pending" out.
            case FAILED -> EnumSet.of(PENDING, REFUNDED, CANCELLED);
            case OPEN -> EnumSet.of(CLOSED, PAYMENT_FAILED, CANCELLED);
            case REFUNDED, CANCELLED, API_REJECTED, CLOSED, PAYMENT_FAILED -> EnumSet.noneOf(PayoutStatus.class);
        };
        return allowed.contains(target);
    }

    /**
     * Whether an event reporting {@code target} at {@code eventAt} moves a payout that is in this
     * status since an event at {@code lastEventAt}: only forward, and never on an older event.
     * Either time may be unknown (null), then only the lifecycle decides.
     */
    public boolean accepts(PayoutStatus target, java.time.Instant lastEventAt, java.time.Instant eventAt) {
        if (eventAt != null && lastEventAt != null && eventAt.isBefore(lastEventAt)) {
            return false;
        }
        return this != target && canMoveTo(target);
    }

    /** Final for the batch's status file: the ERP can close the payment. */
    public boolean isFinal() {
        return finalStatuses().contains(this);
    }

    public static Set<PayoutStatus> finalStatuses() {
        return EnumSet.of(CONFIRMED, REFUNDED, CANCELLED, API_REJECTED, CLOSED, PAYMENT_FAILED);
    }

    /** The status a Flash withdrawal webhook event reports, e.g. {@code withdrawal_completed} → CONFIRMED. */
    public static PayoutStatus ofWithdrawalEvent(String event) {
        return switch (event) {
            case "withdrawal_initiated" -> INITIALISED;
            case "withdrawal_reviewing" -> REVIEWING;
            case "withdrawal_pending" -> PENDING;
            case "withdrawal_completed" -> CONFIRMED;
            case "withdrawal_failed" -> FAILED;
            case "withdrawal_refunded" -> REFUNDED;
            case "withdrawal_cancelled" -> CANCELLED;
            default -> null;
        };
    }

    /** The status an FX payment webhook event reports, e.g. {@code payment_complete} → CLOSED. */
    public static PayoutStatus ofPaymentEvent(String event) {
        return switch (event) {
            case "currency_converted" -> OPEN;
            case "payment_complete" -> CLOSED;
            case "payment_failed" -> PAYMENT_FAILED;
            case "payment_cancelled" -> CANCELLED;
            default -> null;
        };
    }

    /** The ledger status of Flash's {@code PaymentStatus} (INITIALISING, a draft, is not one). */
    public static PayoutStatus ofPaymentStatus(String status) {
        return switch (status) {
            case "OPEN" -> OPEN;
            case "CLOSED" -> CLOSED;
            case "FAILED" -> PAYMENT_FAILED;
            case "CANCELLED" -> CANCELLED;
            default -> null;
        };
    }

    private static Set<PayoutStatus> union(Set<PayoutStatus> a, Set<PayoutStatus> b) {
        EnumSet<PayoutStatus> all = EnumSet.copyOf(a);
        all.addAll(b);
        return all;
    }
}
