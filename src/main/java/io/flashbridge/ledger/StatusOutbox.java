package io.flashbridge.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Status changes of JMS instructions waiting to be published to core banking, oldest first. Rows
 * are written by {@link InstructionStore} in the same transaction as the change they describe.
 */
@Component
public class StatusOutbox {

    /**
     * One status change as core banking is told it; {@code id} orders and identifies it. {@code kind}
     * is WITHDRAWAL or PAYMENT; the two legs are set for FX payments once Flash reported them.
     */
    public record StatusEvent(long id, long instructionId, String paymentId, String flashId, String status, String previousStatus,
                              String rejectCode, String statusMessage, BigDecimal amount, String currency, BigDecimal fee,
                              Instant at, String kind, BigDecimal fromAmount, String fromCurrency, BigDecimal toAmount,
                              String toCurrency) {}

    private final NamedParameterJdbcTemplate jdbc;

    StatusOutbox(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<StatusEvent> oldest(int limit) {
        return jdbc.query("select * from status_outbox order by id fetch first " + limit + " rows only", Map.of(),
                (rs, n) -> new StatusEvent(rs.getLong("id"), rs.getLong("instruction_id"), rs.getString("payment_id"),
                        rs.getString("flash_id"), rs.getString("status"), rs.getString("previous_status"),
                        rs.getString("reject_code"), rs.getString("status_message"), rs.getBigDecimal("amount"),
                        rs.getString("currency"), rs.getBigDecimal("fee"), UtcTime.read(rs, "at"), rs.getString("kind"),
                        rs.getBigDecimal("from_amount"), rs.getString("from_currency"), rs.getBigDecimal("to_amount"),
                        rs.getString("to_currency")));
    }

    public void published(List<Long> ids) {
        for (List<Long> slice : Slices.of(ids)) {
            jdbc.update("delete from status_outbox where id in (:ids)", Map.of("ids", slice));
        }
    }
}
