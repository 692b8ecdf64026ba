package io.flashbridge.sandbox;

/** Missing, malformed, expired or revoked bearer token; answered with code {@code UNAUTHENTICATED}. */
class UnauthenticatedException extends RuntimeException {

    UnauthenticatedException(String message) {
        super(message);
    }
}
