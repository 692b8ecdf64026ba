package io.flashbridge.sandbox;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-client idempotency keys (gap 3): a replay with the same payload returns the original
 * transaction without a second debit or new webhooks; the same key with another payload is a
 * conflict.
 */
final class IdempotencyKeys {

    private record Entry(String fingerprint, String transactionId) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile boolean ignored;

    /** From now on every key is as good as none (a Flash that ignores them, for the bridge's tests). */
    void ignoreAll() {
        ignored = true;
    }

    /** The transaction already created with this key, if the payload matches; fails on a mismatch. */
    Optional<String> replay(String operation, String key, String fingerprint) {
        if (key == null || key.isBlank() || ignored) {
            return Optional.empty();
        }
        Entry entry = entries.get(operation + "/" + key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.fingerprint().equals(fingerprint)) {
            throw new BusinessFailure(BusinessFailure.IDEMPOTENCY_CONFLICT,
                    "idempotencyKey " + key + " was already used with a different payload");
        }
        return Optional.of(entry.transactionId());
    }

    void remember(String operation, String key, String fingerprint, String transactionId) {
        if (key != null && !key.isBlank()) {
            entries.put(operation + "/" + key, new Entry(fingerprint, transactionId));
        }
    }
}
