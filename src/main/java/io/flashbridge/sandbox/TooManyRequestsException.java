package io.flashbridge.sandbox;

/** A rate limit was hit; the HTTP layer turns this into 429 with {@code Retry-After}. */
class TooManyRequestsException extends RuntimeException {

    private final int retrySecs;

    TooManyRequestsException(int retrySecs, String message) {
        super(message);
        this.retrySecs = retrySecs;
    }

    int retrySecs() {
        return retrySecs;
    }
}
