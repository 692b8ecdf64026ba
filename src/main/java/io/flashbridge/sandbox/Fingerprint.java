package io.flashbridge.sandbox;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stable digest of a request payload for idempotency checks: key order and number spelling
 * ({@code 100} vs {@code 100.00}) do not matter; the {@code idempotencyKey} itself is left out.
 */
final class Fingerprint {

    private Fingerprint() {}

    static String of(Map<String, Object> input) {
        Map<String, Object> copy = new TreeMap<>(input);
        copy.remove("idempotencyKey");
        StringBuilder canonical = new StringBuilder();
        append(canonical, copy);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void append(StringBuilder out, Object value) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            new TreeMap<>(map).forEach((key, inner) -> {
                if (inner != null) {
                    out.append(key).append('=');
                    append(out, inner);
                    out.append(';');
                }
            });
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            list.forEach(item -> {
                append(out, item);
                out.append(',');
            });
            out.append(']');
        } else if (value instanceof BigDecimal number) {
            out.append(number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString());
        } else {
            out.append('"').append(value).append('"');
        }
    }
}
