package io.flashbridge.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of a status file: the intake outcome and, for accepted rows, what Flash did with it.
 * {@code status} is the payout status, or {@code REJECTED}/{@code DUPLICATE} for rows that never
 * left the bridge. An FX payment's row also has the legs Flash reported: what it debits
 * ({@code fromAmount}) and what it delivers ({@code toAmount}); null for payouts.
 */
public record StatusRow(int lineNumber, String paymentId, String flashId, String status, String rejectCode,
                        String statusMessage, BigDecimal amount, BigDecimal fee, String currency, Instant updatedAt,
                        String previousStatus, BigDecimal fromAmount, String fromCurrency, BigDecimal toAmount,
                        String toCurrency) {}
