package io.flashbridge.flash;

import java.time.Duration;
import java.util.Optional;

/** Flash could not answer this time: connection failure, timeout, HTTP 5xx or 429. Retry with backoff. */
public sealed class FlashUnavailableException extends FlashException permits FlashRateLimitedException {

    private final Integer httpStatus;
    private final Duration retryAfter;

    FlashUnavailableException(FlashOperation operation, String message, Integer httpStatus, Duration retryAfter,
                              Throwable cause) {
        super(operation, message, cause);
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status, when Flash answered at all. */
    public Optional<Integer> httpStatus() {
        return Optional.ofNullable(httpStatus);
    }

    /** How long Flash asked us to wait ({@code Retry-After}), if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
