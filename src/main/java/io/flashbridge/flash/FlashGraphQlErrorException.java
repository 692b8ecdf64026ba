package io.flashbridge.flash;

/**
 * Flash answered with a GraphQL {@code errors} array (schema or input validation, e.g.
 * {@code BAD_USER_INPUT}). The request itself is wrong: never retried as is.
 */
public final class FlashGraphQlErrorException extends FlashException {

    private final String code;
    private final String field;

    FlashGraphQlErrorException(FlashOperation operation, String code, String field, String message) {
        super(operation, message, null);
        this.code = code;
        this.field = field;
    }

    /** {@code extensions.code}, e.g. {@code BAD_USER_INPUT}. */
    public String code() {
        return code;
    }

    /** The input path Flash named, when it did (the sandbox always does). */
    public String field() {
        return field;
    }

    /** Flash's message without the operation prefix. */
    public String reason() {
        return getMessage().substring(operation().field().length() + 2);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
