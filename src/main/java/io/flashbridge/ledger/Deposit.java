package io.flashbridge.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One deposit as Flash reports it. {@code payerAccount} is the full number when it comes from Flash
 * and masked ({@code ****5678}) once read from the ledger.
 */
public record Deposit(String flashId, DepositStatus status, String statusMessage, BigDecimal amount, BigDecimal fee,
                      String currency, String reference, String payerName, String payerBsb, String payerAccount,
                      String vanBsb, String vanAccount, String subClientId, String subClientExternalId,
                      String subClientName, BigDecimal refundAmount, Instant createdAt, Instant clearedAt,
                      Instant refundedAt) {}
