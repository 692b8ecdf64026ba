package io.flashbridge.ledger;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A deposit's lifecycle (flash-api.md 9.2): INITIALISED → (REVIEWING) → CONFIRMED → REFUNDING →
 * REFUNDED; compliance can refund from REVIEWING; {@code deposit_cancelled} ends one not yet cleared.
 * REFUNDED and CANCELLED are final; CONFIRMED is final unless refunded.
 */
public enum DepositStatus {
    INITIALISED, REVIEWING, CONFIRMED, REFUNDING, REFUNDED, CANCELLED;

    private static final Map<String, DepositStatus> EVENTS = Map.of(
            "deposit_initiated", INITIALISED, "deposit_reviewing", REVIEWING, "deposit_cleared", CONFIRMED,
            "deposit_refunding", REFUNDING, "deposit_refunded", REFUNDED, "deposit_cancelled", CANCELLED);

    /** The status a deposit webhook reports, or null for any other event. */
    public static DepositStatus ofEvent(String event) {
        return EVENTS.get(event);
    }

    /** Whether a deposit in this status may move to {@code to} (forward only). */
    public boolean accepts(DepositStatus to) {
        return next().contains(to);
    }

    private Set<DepositStatus> next() {
        return switch (this) {
            case INITIALISED -> EnumSet.of(REVIEWING, CONFIRMED, REFUNDING, REFUNDED, CANCELLED);
            case REVIEWING -> EnumSet.of(CONFIRMED, REFUNDING, REFUNDED, CANCELLED);
            case CONFIRMED -> EnumSet.of(REFUNDING, REFUNDED);
            case REFUNDING -> EnumSet.of(REFUNDED);
            case REFUNDED, CANCELLED -> EnumSet.noneOf(DepositStatus.class);
        };
    }
}
