package io.flashbridge.ledger;

/** One input row's intake outcome: {@code ACCEPTED}, {@code REJECTED} or {@code DUPLICATE}, with the reason. */
public record BatchLine(int lineNumber, String paymentId, String outcome, String reason) {}
