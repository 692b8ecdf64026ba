package io.flashbridge.flash;

/**
 * Flash refused our credentials or token even after a fresh login. Retryable: the instruction
 * is fine, the bridge's configuration is not, so it waits (and eventually parks) instead of
 * being marked rejected.
 */
public final class FlashAuthenticationException extends FlashException {

    private final String code;

    FlashAuthenticationException(FlashOperation operation, String code, String message) {
        super(operation, message + (code == null ? "" : " (" + code + ")"), null);
        this.code = code;
    }

    public String code() {
        return code;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
