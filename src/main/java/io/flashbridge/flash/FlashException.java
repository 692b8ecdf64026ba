package io.flashbridge.flash;

/**
 * A failed Flash call. {@link #isRetryable()} separates transient failures (network, 5xx, 429,
 * authentication) from rejections that must never be retried with the same payload.
 */
public abstract sealed class FlashException extends RuntimeException
        permits FlashUnavailableException, FlashAuthenticationException, FlashGraphQlErrorException, FlashRejectedException {

    private final FlashOperation operation;

    FlashException(FlashOperation operation, String message, Throwable cause) {
        super(operation.field() + ": " + message, cause);
        this.operation = operation;
    }

    public FlashOperation operation() {
        return operation;
    }

    public abstract boolean isRetryable();
}
