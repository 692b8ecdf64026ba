package io.flashbridge.sandbox;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Flash-shaped identifiers: 24 lower-case hex characters, like MongoDB object ids. */
final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{24}");

    private Ids() {}

    static String next() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static boolean looksValid(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }
}
