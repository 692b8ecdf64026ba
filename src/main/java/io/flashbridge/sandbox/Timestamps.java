package io.flashbridge.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Flash timestamps: ISO-8601 UTC with milliseconds, e.g. {@code 2026-11-26T10:00:00.000Z}. */
final class Timestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }
}
