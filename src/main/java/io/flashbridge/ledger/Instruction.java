package io.flashbridge.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An instruction row of the ledger as the submitter and reports read it.
 *
 * @param kind {@code WITHDRAWAL} (a payout) or {@code PAYMENT} (an FX payment), see {@link io.flashbridge.instruction.Validation}
 */
public record Instruction(long id, String source, String paymentId, String batchId, Integer lineNumber, BigDecimal amount,
                          String currency, String payload, String idempotencyKey, PayoutStatus status, String flashId,
                          String rejectCode, String statusMessage, BigDecimal fee, int attempts, Instant updatedAt,
                          String lastError, String kind) {

    public boolean isFxPayment() {
        return io.flashbridge.instruction.Validation.PAYMENT.equals(kind);
    }
}
