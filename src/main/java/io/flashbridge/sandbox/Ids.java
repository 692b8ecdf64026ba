package io.flashbridge.sandbox;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Flash-shaped identifiers: 24 lower-case hex characters, like MongoDB object ids. */
final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    static String next() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
