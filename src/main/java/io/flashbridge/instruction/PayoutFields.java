package io.flashbridge.instruction;

/**
 * The raw text fields of one payout row, before validation, whatever the file format.
 * Empty strings are treated as absent.
 */
public record PayoutFields(String paymentId, String amount, String currency, String bsb, String accountNumber,
                           String accountName, String payId, String payIdType, String reference, String remitterName,
                           String reason, String email) implements RowFields {}
