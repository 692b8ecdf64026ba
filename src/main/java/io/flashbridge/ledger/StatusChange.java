package io.flashbridge.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a status change carries besides the new status: why, which event (and its time), and the
 * Flash fields that came with it, and who asked for it when it was a person ({@code actor}, e.g. an
 * operator's replay). Null fields leave the ledger's values unchanged.
 */
public record StatusChange(PayoutStatus to, String reason, String event, String requestId, Instant eventTime,
                           String flashId, String rejectCode, String statusMessage, BigDecimal fee, String actor) {

    public StatusChange(PayoutStatus to, String reason, String event, String requestId, Instant eventTime,
                        String flashId, String rejectCode, String statusMessage, BigDecimal fee) {
        this(to, reason, event, requestId, eventTime, flashId, rejectCode, statusMessage, fee, null);
    }

    public static StatusChange of(PayoutStatus to, String reason) {
        return new StatusChange(to, reason, null, null, null, null, null, null, null, null);
    }

    /** A change an authenticated person asked for; the audit row names them. */
    public static StatusChange byOperator(PayoutStatus to, String reason, String user) {
        return new StatusChange(to, reason, null, null, null, null, null, null, null, user);
    }
}
