package io.flashbridge.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Date filters of list queries: full ISO-8601 date-times with offsets, or a plain date (gap 19). */
final class TimeBounds {

    private TimeBounds() {}

    static Instant lower(Object value, String path) {
        return parse(value, path, false);
    }

    /** A plain date as an upper bound includes that whole day. */
    static Instant upper(Object value, String path) {
        return parse(value, path, true);
    }

    static boolean within(Instant at, Instant from, Instant to) {
        return (from == null || !at.isBefore(from)) && (to == null || !at.isAfter(to));
    }

    private static Instant parse(Object value, String path, boolean endOfDay) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                LocalDate date = LocalDate.parse(text);
                return endOfDay
                        ? date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1)
                        : date.atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notDate) {
                throw new BadUserInputException(path, path + ": must be an ISO-8601 date or date-time");
            }
        }
    }
}
