package io.flashbridge.flash;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter that never waits less than Flash's {@code Retry-After}.
 *
 * @param initial wait before the first retry
 * @param max cap on the exponential part
 */
public record Backoff(Duration initial, Duration max) {

    /** The wait before retry number {@code attempt} (1-based) after {@code failure}. */
    public Duration delayBefore(int attempt, FlashException failure) {
        Optional<Duration> retryAfter = failure instanceof FlashUnavailableException unavailable
                ? unavailable.retryAfter()
                : Optional.empty();
        return delayBefore(attempt, retryAfter);
    }

    public Duration delayBefore(int attempt, Optional<Duration> retryAfter) {
        long exponential = initial.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
        long capped = Math.min(exponential, max.toMillis());
        // Full jitter on the upper half keeps competing consumers from retrying in lock-step.
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        long floor = retryAfter.map(Duration::toMillis).orElse(0L);
        return Duration.ofMillis(Math.max(jittered, floor));
    }
}
