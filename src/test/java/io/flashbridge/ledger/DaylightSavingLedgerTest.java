package io.flashbridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.TimeZone;
import java.util.UUID;

import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.BridgeTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The suite runs with the default zone Australia/Sydney (see the surefire argLine). On 5 April 2026
 * Sydney's clocks go back from 03:00 AEDT to 02:00 AEST: 15:30Z is 02:30 local and the later 16:10Z
 * is 02:10 local. Events in that hour must still be ordered by the instants they happened.
 */
@BridgeTest
class DaylightSavingLedgerTest extends BridgeTestSupport {

    @Autowired
    InstructionStore instructions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void ordersEventsAcrossTheDaylightSavingChangeByTheirInstants() {
        assertThat(TimeZone.getDefault().toZoneId()).isEqualTo(ZoneId.of("Australia/Sydney"));
        long id = newPayout();
        Instant firstPass = Instant.parse("2026-04-04T15:30:00Z");
        Instant secondPass = Instant.parse("2026-04-04T16:10:00Z");

        assertThat(instructions.transition(id, change(PayoutStatus.PENDING, firstPass))).isTrue();
        assertThat(instructions.transition(id, change(PayoutStatus.CONFIRMED, secondPass))).isTrue();

        assertThat(jdbc.queryForObject("select last_event_at from instruction where id = ?", OffsetDateTime.class, id).toInstant())
                .isEqualTo(secondPass);
        assertThat(instructions.transition(id, change(PayoutStatus.FAILED, Instant.parse("2026-04-04T15:50:00Z"))))
                .as("an event between the two is older than the last one applied").isFalse();
    }

    private static StatusChange change(PayoutStatus to, Instant at) {
        return new StatusChange(to, "test", "test", null, at, null, null, null, null);
    }

    private long newPayout() {
        String run = UUID.randomUUID().toString();
        jdbc.update("insert into batch (id, source, file_name, format, received_at, total_rows, accepted_rows, rejected_rows, recorded) "
                + "values (?, 'erp', 'dst.csv', 'CSV', current_timestamp, 1, 1, 0, true)", run);
        jdbc.update("insert into instruction (source, payment_id, batch_id, line_number, kind, amount, currency, payload, "
                + "idempotency_key, status, flash_id, attempts, created_at, updated_at) values ('erp', ?, ?, 2, 'WITHDRAWAL', 1.00, "
                + "'AUD', '{}', ?, 'INITIALISED', ?, 1, current_timestamp, current_timestamp)", "DST-" + run, run, "k-" + run,
                run.substring(0, 24));
        return jdbc.queryForObject("select id from instruction where payment_id = ?", Long.class, "DST-" + run);
    }
}
