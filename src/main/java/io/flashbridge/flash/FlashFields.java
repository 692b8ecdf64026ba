package io.flashbridge.flash;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

/** Flash's money and time fields as webhooks and queries carry them; absent, null or unreadable → null. */
public final class FlashFields {

    private FlashFields() {}

    /** An amount exactly as Flash wrote it (never through a double). */
    public static BigDecimal money(JsonNode node, String field) {
        if (!node.hasNonNull(field)) {
            return null;
        }
        try {
            return new BigDecimal(node.path(field).asText());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An ISO-8601 UTC timestamp such as {@code 2026-11-26T10:00:00.000Z}. */
    public static Instant time(JsonNode node, String field) {
        if (!node.hasNonNull(field)) {
            return null;
        }
        try {
            return Instant.parse(node.path(field).asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
