package io.flashbridge.sandbox;

/**
 * A business outcome reported as {@code success: false} with a stable code. Codes the provider
 * does not document ({@code INSUFFICIENT_FUNDS}, {@code IDEMPOTENCY_CONFLICT}, ...) are
 * simulator-only and listed in the README.
 */
class BusinessFailure extends RuntimeException {

    static final String NOT_FOUND = "NOT_FOUND";
    static final String INSUFFICIENT_FUNDS = "INSUFFICIENT_FUNDS";
    static final String IDEMPOTENCY_CONFLICT = "IDEMPOTENCY_CONFLICT";
    static final String INVALID_STATUS = "INVALID_STATUS";
    static final String CURRENCY_NOT_ENABLED = "CURRENCY_NOT_ENABLED";

    private final String code;

    BusinessFailure(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }
}
