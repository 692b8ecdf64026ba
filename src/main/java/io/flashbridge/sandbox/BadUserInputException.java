package io.flashbridge.sandbox;

/** A schema-level input problem; answered as a GraphQL error with code {@code BAD_USER_INPUT} and no data. */
class BadUserInputException extends RuntimeException {

    private final String field;

    BadUserInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
