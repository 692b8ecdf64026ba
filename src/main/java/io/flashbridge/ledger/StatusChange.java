package io.flashbridge.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a status change carries besides the new status: why, which event (and its time), and the
 * Flash fields that came with it. Null fields leave the ledger's values unchanged.
 */
public record StatusChange(PayoutStatus to, String reason, String event, String requestId, Instant eventTime,
                           String flashId, String rejectCode, String statusMessage, BigDecimal fee) {

    public static StatusChange of(PayoutStatus to, String reason) {
        return new StatusChange(to, reason, null, null, null, null, null, null, null);
    }
}
