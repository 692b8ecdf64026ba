package io.flashbridge.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from the ledger's {@code timestamp with time zone} columns, always as UTC offsets:
 * a {@code java.sql.Timestamp} would pass through the host's zone and lose an hour in a
 * daylight-saving overlap.
 */
final class UtcTime {

    private UtcTime() {}

    static OffsetDateTime of(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
