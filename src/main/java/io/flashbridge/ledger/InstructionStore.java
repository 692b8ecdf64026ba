package io.flashbridge.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.flashbridge.instruction.Validation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Instructions and their audit trail. Every status change goes through {@link #transition}, which
 * checks the lifecycle, ignores events older than the last one applied, and writes an audit row
 * in the same transaction.
 */
@Component
public class InstructionStore {

    private static final Logger log = LoggerFactory.getLogger(InstructionStore.class);
    static final String COLUMNS = "id, source, payment_id, batch_id, line_number, amount, currency, payload, "
            + "idempotency_key, status, flash_id, reject_code, status_message, fee, attempts, updated_at, last_error, kind";

    /** A new instruction to insert with a batch. */
    public record NewInstruction(String source, String paymentId, int lineNumber, String kind, java.math.BigDecimal amount,
                                 String currency, String payload, String idempotencyKey) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SharedTransactions shared;
    private final Clock clock;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    InstructionStore(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions, SharedTransactions shared,
                     io.micrometer.core.instrument.MeterRegistry meters) {
        this.shared = shared;
        this.meters = meters;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = Clock.systemUTC();
    }

    public Optional<Instruction> find(long id) {
        return jdbc.query("select " + COLUMNS + " from instruction where id = :id", Map.of("id", id), InstructionStore::row)
                .stream().findFirst();
    }

    /** Where the ledger already holds a payment id: its batch (null for a JMS instruction) and line. */
    public record Holder(String batchId, int lineNumber) {}

    /**
     * Inserts a chunk of a batch's instructions as RECEIVED, skipping each whose payment id its source
     * sent before (earlier in this batch or in another): the unique index decides, so no look-up
     * precedes the insert. Answers, in order, null for an inserted instruction and the holder of
     * the payment id for a skipped one.
     */
    List<Holder> insertNew(String batchId, List<NewInstruction> instructions, Instant now) {
        OffsetDateTime at = UtcTime.of(now);
        List<Holder> holders = new ArrayList<>(instructions.size());
        for (List<NewInstruction> chunk : Slices.of(instructions)) {
            SqlParameterSource[] rows = chunk.stream().map(i -> new MapSqlParameterSource()
                    .addValue("source", i.source()).addValue("paymentId", i.paymentId()).addValue("batchId", batchId)
                    .addValue("line", i.lineNumber()).addValue("kind", i.kind()).addValue("amount", i.amount())
                    .addValue("currency", i.currency()).addValue("payload", i.payload())
                    .addValue("key", i.idempotencyKey()).addValue("at", at)).toArray(SqlParameterSource[]::new);
            int[] counts = jdbc.batchUpdate("insert into instruction (source, payment_id, batch_id, line_number, kind, amount, "
                    + "currency, payload, idempotency_key, status, attempts, created_at, updated_at) values (:source, :paymentId, "
                    + ":batchId, :line, :kind, :amount, :currency, :payload, :key, 'RECEIVED', 0, :at, :at) "
                    + "on conflict do nothing", rows);
            holders.addAll(holdersOfSkipped(batchId, chunk, counts));
        }
        return holders;
    }

    /** A count of 0 is a skipped row; a driver that answers no counts (negative) is asked row by row. */
    private List<Holder> holdersOfSkipped(String batchId, List<NewInstruction> chunk, int[] counts) {
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            if (counts[i] <= 0) {
                asked.add(chunk.get(i).paymentId());
            }
        }
        Map<String, Holder> found = new HashMap<>();
        if (!asked.isEmpty()) {
            String source = chunk.get(0).source();
            // On payment_id alone, answered from the (payment_id, source) unique index; H2 scans when the source is part of it.
            jdbc.query("select source, payment_id, batch_id, line_number from instruction where payment_id in (:ids)",
                    Map.of("ids", asked), (ResultSet rs) -> {
                        if (source.equals(rs.getString(1))) {
                            found.put(rs.getString(2), new Holder(rs.getString(3), rs.getInt(4)));
                        }
                    });
        }
        List<Holder> holders = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            NewInstruction instruction = chunk.get(i);
            Holder holder = counts[i] > 0 ? null : found.get(instruction.paymentId());
            boolean insertedHere = holder != null && batchId.equals(holder.batchId()) && holder.lineNumber() == instruction.lineNumber();
            holders.add(insertedHere ? null : holder);
        }
        return holders;
    }

    /** Ledger ids of the batch's instructions still waiting to be queued or sent, among ids {@code from} to {@code to}. */
    public List<Long> waitingIdsOfBatch(String batchId, long from, long to) {
        return jdbc.queryForList("select id from instruction where id between :from and :to and batch_id = :batchId "
                + "and status in ('RECEIVED', 'SUBMITTING') order by id", Map.of("batchId", batchId, "from", from, "to", to), Long.class);
    }

    /** The lowest and highest ledger id of the batch's instructions; empty when it has none. */
    public Optional<long[]> idRangeOfBatch(String batchId) {
        return jdbc.query("select min(id), max(id) from instruction where batch_id = :batchId", Map.of("batchId", batchId),
                (rs, n) -> rs.getObject(1) == null ? null : new long[] {rs.getLong(1), rs.getLong(2)}).stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    /**
     * Takes an instruction for a submission attempt; false when it is no longer waiting to be sent.
     * The first attempt is the change RECEIVED → SUBMITTING (audited); later attempts count up.
     */
    public boolean claim(long id) {
        Boolean claimed = shared.execute(() -> {
            Map<String, Object> values = Map.of("id", id, "at", now());
            if (jdbc.update("update instruction set status = 'SUBMITTING', attempts = attempts + 1, updated_at = :at "
                    + "where id = :id and status = 'RECEIVED'", values) == 1) {
                jdbc.update("insert into audit (instruction_id, from_status, to_status, reason, at) "
                        + "values (:id, 'RECEIVED', 'SUBMITTING', 'sending to Flash', :at)", values);
                announce(id, PayoutStatus.RECEIVED);
                return true;
            }
            return jdbc.update("update instruction set attempts = attempts + 1, updated_at = :at "
                    + "where id = :id and status = 'SUBMITTING'", values) == 1;
        });
        return Boolean.TRUE.equals(claimed);
    }

    public void recordError(long id, String error) {
        jdbc.update("update instruction set last_error = :error, updated_at = :at where id = :id",
                Map.of("id", id, "error", truncate(error, 1000), "at", now()));
    }

    /**
     * Applies {@code change} if the lifecycle allows it and no newer event was applied already.
     * Returns whether the status changed.
     */
    public boolean transition(long id, StatusChange change) {
        return apply(id, change, null);
    }

    /**
     * Sets the status Flash itself reports (a poll), whatever the ledger's event times say, as long
     * as the payout is still in {@code expected}: the repair of a ledger that disagrees with Flash.
     * The change's event time (or now) becomes the payout's last event time.
     */
    public boolean repair(long id, PayoutStatus expected, StatusChange change) {
        return apply(id, change, expected);
    }

    /**
     * A change that came too late to move the status may still carry what the ledger lacks: Flash's
     * answer to createPayment (its fee) can arrive after the payment's final webhook, which has none.
     * Written only when something is missing: late and repeated changes are common, and they reach here
     * on the ledger writer's thread.
     */
    private void keepWhatWasMissing(long id, Current current, StatusChange change) {
        boolean fee = current.lacksFee() && change.fee() != null;
        boolean flashId = current.lacksFlashId() && change.flashId() != null;
        if (fee || flashId) {
            jdbc.update("update instruction set fee = coalesce(fee, :fee), flash_id = coalesce(flash_id, :flashId) where id = :id",
                    new MapSqlParameterSource().addValue("id", id).addValue("fee", change.fee(), Types.DECIMAL)
                            .addValue("flashId", change.flashId(), Types.VARCHAR));
        }
    }

    private boolean apply(long id, StatusChange change, PayoutStatus repairFrom) {
        Boolean changed = shared.execute(() -> {
            Current current = jdbc.queryForObject(
                    "select status, last_event_at, created_at, kind, origin, batch_id, fee, flash_id, (select final_report_at "
                            + "from batch where batch.id = instruction.batch_id) as batch_reported_at from instruction "
                            + "where id = :id for update",
                    Map.of("id", id), (rs, n) -> new Current(PayoutStatus.valueOf(rs.getString("status")),
                            Optional.ofNullable(UtcTime.read(rs, "last_event_at")), UtcTime.read(rs, "created_at"),
                            rs.getString("kind"), "JMS".equals(rs.getString("origin")),
                            rs.getObject("batch_reported_at") == null ? null : rs.getString("batch_id"),
                            rs.getObject("fee") == null, rs.getObject("flash_id") == null));
            PayoutStatus from = current.status();
            boolean applies = repairFrom == null
                    ? from.accepts(change.to(), current.lastEventAt().orElse(null), change.eventTime())
                    : from == repairFrom && from != change.to();
            if (!applies) {
                log.debug("Instruction {}: {} -> {} ({}) is late, repeated or backwards; ignored", id, from, change.to(), change.event());
                keepWhatWasMissing(id, current, change);
                return false;
            }
            Instant eventAt = repairFrom != null && change.eventTime() == null ? clock.instant() : change.eventTime();
            MapSqlParameterSource values = new MapSqlParameterSource()
                    .addValue("id", id).addValue("to", change.to().name()).addValue("at", now())
                    .addValue("eventAt", eventAt == null ? null : UtcTime.of(eventAt))
                    .addValue("flashId", change.flashId()).addValue("rejectCode", change.rejectCode())
                    .addValue("message", truncate(change.statusMessage(), 500)).addValue("fee", change.fee());
            jdbc.update("update instruction set status = :to, updated_at = :at, "
                    + (repairFrom == null ? "last_event_at = coalesce(:eventAt, last_event_at), " : "last_event_at = :eventAt, ")
                    + "flash_id = coalesce(:flashId, flash_id), "
                    + "reject_code = coalesce(:rejectCode, reject_code), status_message = coalesce(:message, status_message), "
                    + "fee = coalesce(:fee, fee) where id = :id", values);
            if (current.reportedBatchId() != null) {
                // A payout of a batch the ERP already has a final status file for: a correction is due.
                jdbc.update("update batch set correction_due = true where id = :batchId", Map.of("batchId", current.reportedBatchId()));
            }
            jdbc.update("insert into audit (instruction_id, from_status, to_status, reason, event, request_id, actor, at) "
                    + "values (:id, :from, :to, :reason, :event, :requestId, :actor, :at)", new MapSqlParameterSource()
                    .addValue("id", id).addValue("from", from.name()).addValue("to", change.to().name())
                    .addValue("reason", truncate(change.reason(), 500)).addValue("event", change.event())
                    .addValue("requestId", change.requestId()).addValue("actor", change.actor()).addValue("at", now()));
            if (current.fromJms()) {
                announce(id, from);
            }
            if (change.to().isFinal() && !from.isFinal() && current.createdAt() != null) {
                io.micrometer.core.instrument.Timer.builder("flashbridge.instructions.time.to.final")
                        .description("From intake to the first final status").tag("kind", current.kind())
                        .publishPercentileHistogram().register(meters)
                        .record(java.time.Duration.between(current.createdAt(), clock.instant()));
            }
            return true;
        });
        return Boolean.TRUE.equals(changed);
    }

    /**
     * The row {@link #apply} locks: its status, last event time, intake time and kind, whether it came
     * by JMS (its changes are announced) and its batch if that already has a final status file.
     */
    private record Current(PayoutStatus status, Optional<Instant> lastEventAt, Instant createdAt, String kind,
                           boolean fromJms, String reportedBatchId, boolean lacksFee, boolean lacksFlashId) {}

    /** Inserts an instruction that came alone in a JMS message (no batch) as RECEIVED; answers its id. */
    private long insertMessage(NewInstruction instruction, String messageId) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("insert into instruction (source, payment_id, kind, amount, currency, payload, idempotency_key, status, "
                + "attempts, origin, message_id, created_at, updated_at) values (:source, :paymentId, :kind, :amount, :currency, "
                + ":payload, :key, 'RECEIVED', 0, 'JMS', :messageId, :at, :at)", new MapSqlParameterSource()
                .addValue("source", instruction.source()).addValue("paymentId", instruction.paymentId())
                .addValue("kind", instruction.kind()).addValue("amount", instruction.amount())
                .addValue("currency", instruction.currency()).addValue("payload", instruction.payload())
                .addValue("key", instruction.idempotencyKey()).addValue("messageId", truncate(messageId, 200))
                .addValue("at", now()), key, new String[] {"id"});
        return key.getKey().longValue();
    }

    /** An instruction that came alone in a JMS message; {@code messageId} tells a redelivery from a re-sent payment id. */
    public record MessageInstruction(NewInstruction instruction, String messageId) {}

    /**
     * What the ledger holds for one message: the instruction it {@code created}, or the one it
     * already had ({@code existing}, with the message that brought it).
     */
    public record Recorded(long id, boolean created, Instruction existing, String existingMessageId) {}

    /**
     * Records JMS instructions in one transaction (one commit for many messages): each is inserted
     * as RECEIVED unless its source already sent its payment id, earlier or earlier in this list.
     */
    public List<Recorded> recordMessages(List<MessageInstruction> messages) {
        return transactions.execute(tx -> {
            List<Recorded> recorded = new ArrayList<>(messages.size());
            for (MessageInstruction message : messages) {
                NewInstruction instruction = message.instruction();
                recorded.add(findByPaymentId(instruction.source(), instruction.paymentId())
                        .map(known -> new Recorded(known.getKey().id(), false, known.getKey(), known.getValue().orElse(null)))
                        .orElseGet(() -> new Recorded(insertMessage(instruction, message.messageId()), true, null, null)));
            }
            return recorded;
        });
    }

    /** The instruction {@code source} sent as {@code paymentId}, with the JMS message that brought it (null for files). */
    public Optional<Map.Entry<Instruction, Optional<String>>> findByPaymentId(String source, String paymentId) {
        return jdbc.query("select " + COLUMNS + ", message_id from instruction where payment_id = :paymentId and source = :source",
                Map.of("paymentId", paymentId, "source", source),
                (rs, n) -> Map.entry(row(rs, n), Optional.ofNullable(rs.getString("message_id")))).stream().findFirst();
    }

    /** Queues the status change just made to a JMS instruction for {@code flashbridge.status}; files are answered by status files. */
    private void announce(long id, PayoutStatus from) {
        jdbc.update("insert into status_outbox (instruction_id, payment_id, flash_id, status, previous_status, reject_code, "
                + "status_message, amount, currency, fee, kind, from_amount, from_currency, to_amount, to_currency, at) "
                + "select id, payment_id, flash_id, status, :from, reject_code, status_message, amount, currency, fee, kind, "
                + "from_amount, from_currency, to_amount, to_currency, :at from instruction where id = :id and origin = 'JMS'",
                new MapSqlParameterSource().addValue("id", id).addValue("from", from.name()).addValue("at", now()));
    }

    /**
     * Records the two legs of an FX payment as Flash last reported them (they may change while it
     * executes); an unknown amount keeps what was known. Call before the {@link #transition} of the
     * same answer or event, so its status event carries them.
     */
    public void recordLegs(long id, io.flashbridge.flash.PaymentLegs legs) {
        jdbc.update("update instruction set from_amount = coalesce(:fromAmount, from_amount), "
                + "from_currency = coalesce(:fromCurrency, from_currency), to_amount = coalesce(:toAmount, to_amount), "
                + "to_currency = coalesce(:toCurrency, to_currency) where id = :id", new MapSqlParameterSource()
                .addValue("id", id).addValue("fromAmount", legs.fromAmount()).addValue("fromCurrency", legs.fromCurrency())
                .addValue("toAmount", legs.toAmount()).addValue("toCurrency", legs.toCurrency()));
    }

    /**
     * Applies {@code change} (to AWAITING_FUNDS) and starts (or keeps) the instruction's wait for funds,
     * its place among the waiting, in one commit: a release round never sees the one without the other.
     */
    public void awaitFunds(long id, StatusChange change) {
        shared.execute(() -> {
            apply(id, change, null);
            jdbc.update("update instruction set awaiting_funds_since = coalesce(awaiting_funds_since, :at) where id = :id",
                    Map.of("id", id, "at", now()));
            return null;
        });
    }

    /**
     * Instructions waiting for funds with the time they started waiting, first come first. A ledger
     * written before {@link #awaitFunds} recorded both in one commit may hold a waiting instruction
     * without its start (the bridge stopped in between): the time of its last change stands in.
     */
    public List<Map.Entry<Instruction, Instant>> awaitingFunds(int limit) {
        return jdbc.query("select " + COLUMNS + ", coalesce(awaiting_funds_since, updated_at) as waiting_since from instruction "
                + "where status = 'AWAITING_FUNDS' order by waiting_since, id fetch first " + limit + " rows only", Map.of(),
                (rs, n) -> Map.entry(row(rs, n), UtcTime.read(rs, "waiting_since")));
    }

    public List<Instruction> withStatus(PayoutStatus status, int limit) {
        return jdbc.query("select " + COLUMNS + " from instruction where status = :status order by id fetch first " + limit + " rows only",
                Map.of("status", status.name()), InstructionStore::row);
    }

    /** Instructions left RECEIVED (e.g. a crash between ledger commit and enqueue) for longer than {@code since}. */
    public List<Long> stuckReceived(Instant before, int limit) {
        return jdbc.queryForList("select i.id from instruction i left join batch b on b.id = i.batch_id "
                + "where (b.recorded or i.batch_id is null) and i.status = 'RECEIVED' "
                + "and i.updated_at < :before order by i.id "
                + "fetch first " + limit + " rows only", Map.of("before", UtcTime.of(before)), Long.class);
    }

    /**
     * Payouts and FX payments Flash has and has not finished (no final status in the ledger) whose status has not
     * changed since {@code before}: the ones whose webhooks may have been lost. Least recently
     * polled first.
     */
    public List<Instruction> unfinishedAtFlash(Instant before, int limit) {
        return jdbc.query("select " + COLUMNS + " from instruction where status in ('INITIALISED', 'REVIEWING', 'PENDING', 'FAILED', 'OPEN') "
                + "and flash_id is not null and updated_at < :before order by coalesce(polled_at, updated_at), id "
                + "fetch first " + limit + " rows only", Map.of("before", UtcTime.of(before)), InstructionStore::row);
    }

    /** Withdrawals among Flash ids {@code flashIds} that the ledger holds as {@code CONFIRMED}. */
    public List<Instruction> confirmedWithdrawals(Collection<String> flashIds) {
        List<Instruction> confirmed = new ArrayList<>();
        for (List<String> slice : Slices.of(new ArrayList<>(flashIds))) {
            confirmed.addAll(jdbc.query("select " + COLUMNS + " from instruction where flash_id in (:ids) and status = 'CONFIRMED' "
                    + "and kind = :kind", Map.of("ids", slice, "kind", Validation.WITHDRAWAL), InstructionStore::row));
        }
        return confirmed;
    }

    public void markPolled(long id) {
        jdbc.update("update instruction set polled_at = :at where id = :id", Map.of("id", id, "at", now()));
    }

    public List<Map<String, Object>> audit(long id) {
        return jdbc.queryForList("select from_status, to_status, reason, event, request_id, actor, at from audit "
                + "where instruction_id = :id order by id", Map.of("id", id));
    }

    private OffsetDateTime now() {
        return UtcTime.of(clock.instant());
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    static Instruction row(ResultSet rs, int rowNum) throws SQLException {
        Instant updated = UtcTime.read(rs, "updated_at");
        return new Instruction(rs.getLong("id"), rs.getString("source"), rs.getString("payment_id"), rs.getString("batch_id"),
                (Integer) rs.getObject("line_number"), rs.getBigDecimal("amount"), rs.getString("currency"),
                rs.getString("payload"), rs.getString("idempotency_key"), PayoutStatus.valueOf(rs.getString("status")),
                rs.getString("flash_id"), rs.getString("reject_code"), rs.getString("status_message"), rs.getBigDecimal("fee"),
                rs.getInt("attempts"), updated, rs.getString("last_error"), rs.getString("kind"));
    }
}
