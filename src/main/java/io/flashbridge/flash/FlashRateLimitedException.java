package io.flashbridge.flash;

import java.time.Duration;

/** HTTP 429 {@code TOO_MANY_REQUESTS}: wait at least {@link #retryAfter()} before the next call. */
public final class FlashRateLimitedException extends FlashUnavailableException {

    FlashRateLimitedException(FlashOperation operation, Duration retryAfter) {
        super(operation, "rate limited by Flash (HTTP 429), retry after " + retryAfter.toSeconds() + " s", 429,
                retryAfter, null);
    }
}
