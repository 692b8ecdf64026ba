package io.flashbridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.BridgeTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Flash's answer to a create call and the webhooks about what it created race: the answer may be
 * recorded after a final event. It must not move the status back, and what only it carries stays.
 */
@BridgeTest
class LateAnswersTest extends BridgeTestSupport {

    @Autowired
    InstructionStore instructions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void keepsTheFeeOfAnAnswerRecordedAfterThePaymentsFinalEvent() {
        String run = UUID.randomUUID().toString();
        String flashId = run.replace("-", "").substring(0, 24);
        long id = newFxPayment(run);

        assertThat(instructions.transition(id, new StatusChange(PayoutStatus.CANCELLED, "payment_cancelled", "payment_cancelled",
                "req-" + run, Instant.now(), flashId, null, null, null))).isTrue();
        boolean moved = instructions.transition(id, new StatusChange(PayoutStatus.OPEN, "created at Flash", "createPayment", null, null,
                flashId, null, null, new BigDecimal("5.00")));

        assertThat(moved).as("the answer is older than the final event").isFalse();
        assertThat(jdbc.queryForObject("select status from instruction where id = ?", String.class, id)).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("select fee from instruction where id = ?", BigDecimal.class, id)).isEqualByComparingTo("5.00");
        assertThat(jdbc.queryForObject("select count(*) from audit where instruction_id = ?", Integer.class, id))
                .as("nothing moved, nothing audited").isEqualTo(1);
    }

    @Test
    void neverReplacesAFeeTheLedgerAlreadyHas() {
        String run = UUID.randomUUID().toString();
        long id = newFxPayment(run);
        instructions.transition(id, new StatusChange(PayoutStatus.CLOSED, "payment_complete", "payment_complete", "req-" + run,
                Instant.now(), null, null, null, new BigDecimal("5.00")));

        instructions.transition(id, new StatusChange(PayoutStatus.OPEN, "created at Flash", "createPayment", null, null, null, null,
                null, new BigDecimal("9.99")));

        assertThat(jdbc.queryForObject("select fee from instruction where id = ?", BigDecimal.class, id)).isEqualByComparingTo("5.00");
    }

    private long newFxPayment(String run) {
        jdbc.update("insert into batch (id, source, file_name, format, received_at, total_rows, accepted_rows, rejected_rows, recorded) "
                + "values (?, 'erp', 'late.csv', 'FX-CSV', current_timestamp, 1, 1, 0, true)", run);
        jdbc.update("insert into instruction (source, payment_id, batch_id, line_number, kind, amount, currency, payload, "
                + "idempotency_key, status, attempts, created_at, updated_at) values ('erp', ?, ?, 2, 'PAYMENT', 120.00, "
                + "'AUD', '{}', ?, 'SUBMITTING', 1, current_timestamp, current_timestamp)", "LATE-" + run, run, "k-" + run);
        return jdbc.queryForObject("select id from instruction where payment_id = ?", Long.class, "LATE-" + run);
    }
}
