package io.flashbridge.instruction;

/**
 * Idempotency keys sent to Flash: {@code fb1-} + the first 32 hex digits of
 * SHA-256({@code source} + NUL + {@code paymentId}). Derived, never stored-then-trusted, so a crash
 * between the API call and the ledger write still resends the same key.
 */
public final class IdempotencyKeys {

    private IdempotencyKeys() {}

    public static String of(String source, String paymentId) {
        return "fb1-" + Sha256.hex(source + "\u0000" + paymentId).substring(0, 32);
    }
}
