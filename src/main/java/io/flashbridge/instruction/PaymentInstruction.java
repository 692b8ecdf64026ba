package io.flashbridge.instruction;

import java.math.BigDecimal;

/**
 * One payout as the bridge understands it, whatever file or message it came from.
 *
 * @param source where it came from (e.g. {@code erp}); with {@code paymentId} it is unique forever
 * @param paymentId the back office's id, sent to Flash as {@code externalId}
 * @param amount major units, 2 decimals
 * @param currency ISO-4217, AUD for payouts
 * @param payee bank account or PayID
 * @param reference statement text for the beneficiary ({@code externalReference})
 * @param remitterName the ultimate payer shown to the beneficiary ({@code withdrawal.sender}); may be null
 * @param reason Flash {@code TransactionReason}; may be null
 * @param email beneficiary e-mail; may be null
 *
 * <p>Stored in the ledger as JSON without the absent (null) fields: a large file writes one per row.
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record PaymentInstruction(String source, String paymentId, BigDecimal amount, String currency, Payee payee,
                                 String reference, String remitterName, String reason, String email) {

    /** Deterministic, ASCII, fixed length: the same instruction always carries the same key to Flash. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String idempotencyKey() {
        return IdempotencyKeys.of(source, paymentId);
    }
}
