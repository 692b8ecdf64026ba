package io.flashbridge.flash;

/** A business refusal: {@code success: false} with a {@code code}, e.g. {@code INSUFFICIENT_FUNDS}. Never retried. */
public final class FlashRejectedException extends FlashException {

    private final String code;
    private final String reason;

    FlashRejectedException(FlashOperation operation, String code, String reason) {
        super(operation, reason + " (" + code + ")", null);
        this.code = code;
        this.reason = reason;
    }

    public String code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
