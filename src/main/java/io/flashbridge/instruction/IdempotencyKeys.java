package io.flashbridge.instruction;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Idempotency keys sent to Flash: {@code fb1-} + the first 32 hex digits of
 * SHA-256({@code source} + NUL + {@code paymentId}). Derived, never stored-then-trusted, so a crash
 * between the API call and the ledger write still resends the same key.
 */
public final class IdempotencyKeys {

    private IdempotencyKeys() {}

    public static String of(String source, String paymentId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((source + "\u0000" + paymentId).getBytes(StandardCharsets.UTF_8));
            return "fb1-" + HexFormat.of().formatHex(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
