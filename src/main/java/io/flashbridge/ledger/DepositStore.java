package io.flashbridge.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.flashbridge.instruction.Masking;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deposits in the ledger: recorded the first time Flash mentions one (webhook or listing), then
 * moved forward only along {@link DepositStatus}, and never by an event older than the last one
 * applied. Details Flash leaves out of a later event keep their earlier values.
 */
@Component
public class DepositStore {

    private static final String COLUMNS = "flash_id, status, status_message, amount, fee, currency, external_reference, "
            + "payer_name, payer_bsb, payer_account, van_bsb, van_account, sub_client_id, sub_client_external_id, "
            + "sub_client_name, refund_amount, created_at, cleared_at, refunded_at";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock = Clock.systemUTC();

    DepositStore(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Records what Flash says of {@code deposit} at {@code eventTime} (null for a listing); answers
     * whether the ledger changed status (or learnt of the deposit).
     */
    public boolean apply(Deposit deposit, Instant eventTime, String event, String requestId, String actor) {
        Boolean changed = transactions.execute(tx -> {
            List<Map.Entry<DepositStatus, Optional<Instant>>> current = lock(deposit.flashId());
            MapSqlParameterSource values = values(deposit, eventTime);
            if (current.isEmpty()) {
                // Two events of a new deposit may be applied at once: the second finds the first's row.
                if (jdbc.update("insert into deposit (" + COLUMNS + ", last_event_at, updated_at) values (:id, :status, :message, "
                        + ":amount, :fee, :currency, :reference, :payerName, :payerBsb, :payerAccount, :vanBsb, :vanAccount, "
                        + ":subClientId, :subClientExternalId, :subClientName, :refundAmount, :createdAt, :clearedAt, "
                        + ":refundedAt, :eventAt, :now) on conflict do nothing", values) == 1) {
                    audit(deposit.flashId(), null, deposit.status(), event, requestId, actor);
                    return true;
                }
                current = lock(deposit.flashId());
            }
            DepositStatus from = current.get(0).getKey();
            Instant last = current.get(0).getValue().orElse(null);
            boolean late = eventTime != null && last != null && eventTime.isBefore(last);
            boolean moves = from != deposit.status() && from.accepts(deposit.status()) && !late;
            jdbc.update("update deposit set status = " + (moves ? ":status" : "status") + ", "
                    + "status_message = " + (moves ? "coalesce(:message, status_message)" : "status_message") + ", "
                    + "fee = coalesce(:fee, fee), external_reference = coalesce(external_reference, :reference), "
                    + "payer_name = coalesce(payer_name, :payerName), payer_bsb = coalesce(payer_bsb, :payerBsb), "
                    + "payer_account = coalesce(payer_account, :payerAccount), van_bsb = coalesce(van_bsb, :vanBsb), "
                    + "van_account = coalesce(van_account, :vanAccount), sub_client_id = coalesce(sub_client_id, :subClientId), "
                    + "sub_client_external_id = coalesce(sub_client_external_id, :subClientExternalId), "
                    + "sub_client_name = coalesce(sub_client_name, :subClientName), "
                    + "refund_amount = coalesce(:refundAmount, refund_amount), cleared_at = coalesce(:clearedAt, cleared_at), "
                    + "refunded_at = coalesce(:refundedAt, refunded_at), "
                    + "last_event_at = " + (moves ? "coalesce(:eventAt, last_event_at)" : "last_event_at") + ", updated_at = :now "
                    + "where flash_id = :id", values);
            if (moves) {
                audit(deposit.flashId(), from, deposit.status(), event, requestId, actor);
            }
            return moves;
        });
        return Boolean.TRUE.equals(changed);
    }

    /** One deposit status change for core banking: the change, and the deposit as the ledger has it now. */
    public record DepositEvent(long id, String status, String previousStatus, Instant at, Deposit deposit) {}

    /** Deposit status changes not yet published, oldest first. */
    public List<DepositEvent> unpublished(int limit) {
        return jdbc.query("select o.id as event_id, o.status as event_status, o.previous_status, o.at as event_at, d.* "
                + "from deposit_outbox o join deposit d on d.flash_id = o.flash_id order by o.id fetch first " + limit + " rows only",
                Map.of(), (rs, n) -> new DepositEvent(rs.getLong("event_id"), rs.getString("event_status"),
                        rs.getString("previous_status"), UtcTime.read(rs, "event_at"), row(rs, n)));
    }

    public void published(List<Long> eventIds) {
        for (List<Long> slice : Slices.of(eventIds)) {
            jdbc.update("delete from deposit_outbox where id in (:ids)", Map.of("ids", slice));
        }
    }

    private List<Map.Entry<DepositStatus, Optional<Instant>>> lock(String flashId) {
        return jdbc.query("select status, last_event_at from deposit where flash_id = :id for update", Map.of("id", flashId),
                (rs, n) -> Map.entry(DepositStatus.valueOf(rs.getString("status")), Optional.ofNullable(UtcTime.read(rs, "last_event_at"))));
    }

    public Optional<Deposit> find(String flashId) {
        return jdbc.query("select " + COLUMNS + " from deposit where flash_id = :id", Map.of("id", flashId), DepositStore::row)
                .stream().findFirst();
    }

    /** Deposits created in {@code [from, to)}, oldest first. */
    public List<Deposit> createdBetween(Instant from, Instant to) {
        return jdbc.query("select " + COLUMNS + " from deposit where created_at >= :from and created_at < :to "
                + "order by created_at, flash_id", Map.of("from", UtcTime.of(from), "to", UtcTime.of(to)), DepositStore::row);
    }

    /** The newest creation time the ledger knows, where a listing of new deposits starts. */
    public Optional<Instant> newestCreatedAt() {
        return edge("max", "");
    }

    /** The oldest creation time the ledger knows: no deposit report is due before its day. */
    public Optional<Instant> oldestCreatedAt() {
        return edge("min", "");
    }

    /** When the oldest deposit still moving (not yet cleared, in review, being refunded) was created. */
    public Optional<Instant> oldestUnfinishedCreatedAt() {
        return edge("min", " where status in ('INITIALISED', 'REVIEWING', 'REFUNDING')");
    }

    /** A deposit whose day was reported, with the status the last file that closed its day gave it (null: none listed it). */
    public record ReportedDeposit(Deposit deposit, String reportedStatus) {}

    /**
     * Deposits created in [{@code from}, {@code to}) whose status differs from the one their day's
     * last file gave them, or that no such file listed, oldest first.
     */
    public List<ReportedDeposit> changedSinceReported(Instant from, Instant to) {
        return jdbc.query("select " + COLUMNS + ", reported_status from deposit where created_at >= :from and created_at < :to "
                + "and (reported_status is null or reported_status <> status) order by created_at, flash_id",
                Map.of("from", UtcTime.of(from), "to", UtcTime.of(to)),
                (rs, n) -> new ReportedDeposit(row(rs, n), rs.getString("reported_status")));
    }

    /**
     * Records, in one transaction, that a file closing a day was written: the end-of-day file of
     * {@code endOfDay} (null for a changes file), and the status it listed each deposit in.
     */
    public void markReported(LocalDate endOfDay, List<Deposit> listed) {
        transactions.executeWithoutResult(tx -> {
            if (endOfDay != null) {
                markEndOfDayWritten(endOfDay);
            }
            for (List<Deposit> slice : Slices.of(listed)) {
                jdbc.batchUpdate("update deposit set reported_status = :status where flash_id = :id",
                        slice.stream()
                                .map(deposit -> new MapSqlParameterSource().addValue("id", deposit.flashId())
                                        .addValue("status", deposit.status().name()))
                                .toArray(SqlParameterSource[]::new));
            }
        });
    }

    public boolean endOfDayWritten(LocalDate day) {
        return !jdbc.queryForList("select business_day from deposit_report where business_day = :day", Map.of("day", day), LocalDate.class).isEmpty();
    }

    private void markEndOfDayWritten(LocalDate day) {
        jdbc.update("insert into deposit_report (business_day, written_at) values (:day, :at)", Map.of("day", day, "at", UtcTime.of(clock.instant())));
    }

    private Optional<Instant> edge(String aggregate, String where) {
        return jdbc.query("select " + aggregate + "(created_at) as edge from deposit" + where, Map.of(),
                (rs, n) -> UtcTime.read(rs, "edge")).stream().filter(Objects::nonNull).findFirst();
    }

    /** Audits what a person asked of Flash about the deposit (its status moves with Flash's webhooks). */
    public void recordAction(String flashId, String action, String actor) {
        jdbc.update("insert into deposit_audit (flash_id, from_status, to_status, event, actor, at) select flash_id, status, "
                + "status, :action, :actor, :at from deposit where flash_id = :id", new MapSqlParameterSource()
                .addValue("id", flashId).addValue("action", cut(action, 64)).addValue("actor", actor)
                .addValue("at", UtcTime.of(clock.instant())));
    }

    public List<Map<String, Object>> audit(String flashId) {
        return jdbc.queryForList("select from_status, to_status, event, request_id, actor, at from deposit_audit "
                + "where flash_id = :id order by id", Map.of("id", flashId));
    }

    private void audit(String flashId, DepositStatus from, DepositStatus to, String event, String requestId, String actor) {
        jdbc.update("insert into deposit_outbox (flash_id, status, previous_status, at) values (:id, :to, :from, :at)",
                new MapSqlParameterSource().addValue("id", flashId).addValue("from", from == null ? null : from.name())
                        .addValue("to", to.name()).addValue("at", UtcTime.of(clock.instant())));
        jdbc.update("insert into deposit_audit (flash_id, from_status, to_status, event, request_id, actor, at) "
                + "values (:id, :from, :to, :event, :requestId, :actor, :at)", new MapSqlParameterSource()
                .addValue("id", flashId).addValue("from", from == null ? null : from.name()).addValue("to", to.name())
                .addValue("event", event).addValue("requestId", requestId).addValue("actor", actor)
                .addValue("at", UtcTime.of(clock.instant())));
    }

    private MapSqlParameterSource values(Deposit deposit, Instant eventTime) {
        Instant now = clock.instant();
        Instant created = deposit.createdAt() != null ? deposit.createdAt() : eventTime != null ? eventTime : now;
        return new MapSqlParameterSource()
                .addValue("id", deposit.flashId()).addValue("status", deposit.status().name())
                .addValue("message", cut(deposit.statusMessage(), 500)).addValue("amount", deposit.amount())
                .addValue("fee", deposit.fee()).addValue("currency", deposit.currency())
                .addValue("reference", cut(deposit.reference(), 200)).addValue("payerName", cut(deposit.payerName(), 200))
                .addValue("payerBsb", cut(deposit.payerBsb(), 7))
                .addValue("payerAccount", deposit.payerAccount() == null ? null : Masking.account(deposit.payerAccount()))
                .addValue("vanBsb", cut(deposit.vanBsb(), 7)).addValue("vanAccount", cut(deposit.vanAccount(), 16))
                .addValue("subClientId", cut(deposit.subClientId(), 32))
                .addValue("subClientExternalId", cut(deposit.subClientExternalId(), 100))
                .addValue("subClientName", cut(deposit.subClientName(), 200)).addValue("refundAmount", deposit.refundAmount())
                .addValue("createdAt", UtcTime.of(created)).addValue("clearedAt", time(deposit.clearedAt()))
                .addValue("refundedAt", time(deposit.refundedAt())).addValue("eventAt", time(eventTime))
                .addValue("now", UtcTime.of(now));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : UtcTime.of(instant);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static Deposit row(ResultSet rs, int n) throws SQLException {
        return new Deposit(rs.getString("flash_id"), DepositStatus.valueOf(rs.getString("status")), rs.getString("status_message"),
                rs.getBigDecimal("amount"), rs.getBigDecimal("fee"), rs.getString("currency"), rs.getString("external_reference"),
                rs.getString("payer_name"), rs.getString("payer_bsb"), rs.getString("payer_account"), rs.getString("van_bsb"),
                rs.getString("van_account"), rs.getString("sub_client_id"), rs.getString("sub_client_external_id"),
                rs.getString("sub_client_name"), rs.getBigDecimal("refund_amount"), UtcTime.read(rs, "created_at"),
                UtcTime.read(rs, "cleared_at"), UtcTime.read(rs, "refunded_at"));
    }
}
