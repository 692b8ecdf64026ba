package io.flashbridge.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Batches (input files), their lines, and the queries behind status files. */
@Component
public class BatchStore {

    private static final int CHUNK = 5_000;


    private final NamedParameterJdbcTemplate jdbc;
    /** Reads large results a thousand rows at a time (PostgreSQL holds them all unless told, inside a transaction). */
    private final NamedParameterJdbcTemplate streaming;
    private final TransactionTemplate transactions;
    private final InstructionStore instructions;

    BatchStore(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions, InstructionStore instructions) {
        this.jdbc = jdbc;
        org.springframework.jdbc.core.JdbcTemplate fetching = new org.springframework.jdbc.core.JdbcTemplate(
                jdbc.getJdbcTemplate().getDataSource());
        fetching.setFetchSize(1000);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
        this.transactions = transactions;
        this.instructions = instructions;
    }

    public Optional<Batch> find(String id) {
        return jdbc.query("select id, source, file_name, format, received_at, completed from batch where id = :id and recorded",
                Map.of("id", id), (rs, n) -> new Batch(rs.getString("id"), rs.getString("source"), rs.getString("file_name"),
                        rs.getString("format"), UtcTime.read(rs, "received_at"), rs.getBoolean("completed")))
                .stream().findFirst();
    }

    /** The file's ack is written and its payouts are queued. */
    public void complete(String id) {
        jdbc.update("update batch set completed = true where id = :id", Map.of("id", id));
    }

    /**
     * Starts recording a file. Its instructions are then added chunk by chunk ({@link #add}), each
     * chunk its own transaction, and the batch counts only once {@link #finish} marks it recorded; a
     * batch left incomplete by a stop is discarded when its file is read again.
     */
    public void begin(Batch batch, String ackFile) {
        transactions.executeWithoutResult(tx -> {
            discardIncomplete(batch.id());
            jdbc.update("insert into batch (id, source, file_name, format, received_at, total_rows, accepted_rows, rejected_rows, "
                    + "ack_file, recorded) values (:id, :source, :name, :format, :at, 0, 0, 0, :ack, false)", new MapSqlParameterSource()
                    .addValue("id", batch.id()).addValue("source", batch.source()).addValue("name", batch.fileName())
                    .addValue("format", batch.format()).addValue("at", UtcTime.of(batch.receivedAt())).addValue("ack", ackFile));
        });
    }

    /**
     * Records one chunk of a file in one transaction: the instructions accepted so far (each
     * skipped whose payment id its source sent before) and the lines refused at intake. Answers,
     * for each instruction in order, null when recorded, else where its payment id already is.
     */
    public List<InstructionStore.Holder> add(Batch batch, List<InstructionStore.NewInstruction> accepted, List<BatchLine> refused) {
        if (accepted.isEmpty() && refused.isEmpty()) {
            return List.of();
        }
        return transactions.execute(tx -> {
            insertLines(batch.id(), refused);
            return accepted.isEmpty() ? List.<InstructionStore.Holder>of() : instructions.insertNew(batch.id(), accepted, batch.receivedAt());
        });
    }

    /** Records more refused lines of the batch (one transaction). */
    public void addRefused(String batchId, List<BatchLine> refused) {
        if (!refused.isEmpty()) {
            transactions.executeWithoutResult(tx -> insertLines(batchId, refused));
        }
    }

    /** Completes the batch (its lines are all added): the counts, and the recorded mark. */
    public void finish(String batchId, int total, int accepted) {
        jdbc.update("update batch set total_rows = :total, accepted_rows = :accepted, rejected_rows = :refused, recorded = true "
                + "where id = :id", Map.of("id", batchId, "total", total, "accepted", accepted, "refused", total - accepted));
    }

    /**
     * The whole file was rejected after all: what was added goes, and the batch is recorded with
     * {@code lines} (each one refused), read once and in chunks.
     */
    public void finishRejected(String batchId, java.util.function.Consumer<java.util.function.Consumer<BatchLine>> lines) {
        transactions.executeWithoutResult(tx -> {
            jdbc.update("delete from instruction where batch_id = :id", Map.of("id", batchId));
            jdbc.update("delete from batch_line where batch_id = :id", Map.of("id", batchId));
        });
        List<BatchLine> chunk = new ArrayList<>(CHUNK);
        int[] total = {0};
        lines.accept(line -> {
            chunk.add(line);
            total[0]++;
            if (chunk.size() == CHUNK) {
                addRefused(batchId, chunk);
                chunk.clear();
            }
        });
        addRefused(batchId, chunk);
        finish(batchId, total[0], 0);
    }

    private void insertLines(String batchId, List<BatchLine> lines) {
        for (List<BatchLine> slice : Slices.of(lines)) {
            SqlParameterSource[] rows = slice.stream()
                    .map(line -> new MapSqlParameterSource().addValue("batch", batchId).addValue("line", line.lineNumber())
                            .addValue("paymentId", truncate(line.paymentId(), 64)).addValue("outcome", line.outcome())
                            .addValue("reason", truncate(line.reason(), 1000)))
                    .toArray(SqlParameterSource[]::new);
            jdbc.batchUpdate("insert into batch_line (batch_id, line_number, payment_id, outcome, reason) "
                    + "values (:batch, :line, :paymentId, :outcome, :reason)", rows);
        }
    }

    /** Removes what a stop left of a batch that was never completely recorded (never queued either). */
    private void discardIncomplete(String batchId) {
        Map<String, Object> id = Map.of("id", batchId);
        if (jdbc.queryForList("select id from batch where id = :id and not recorded", id, String.class).isEmpty()) {
            return;
        }
        jdbc.update("delete from instruction where batch_id = :id", id);
        jdbc.update("delete from batch_line where batch_id = :id", id);
        jdbc.update("delete from batch where id = :id", id);
    }

    /** Batches not yet reported whose every accepted row is final (one index probe per open status). */
    public List<Batch> readyForFinalReport() {
        StringBuilder sql = new StringBuilder("select id, source, file_name, format, received_at from batch b "
                + "where recorded and final_report_at is null");
        for (PayoutStatus open : PayoutStatus.values()) {
            if (!open.isFinal()) {
                sql.append(" and not exists (select 1 from instruction i where i.batch_id = b.id and i.status = '")
                        .append(open.name()).append("')");
            }
        }
        return jdbc.query(sql.toString(), Map.of(), BatchStore::batch);
    }

    /** Batches still open whose last interim report (or arrival) is older than {@code before}. */
    public List<Batch> dueForInterimReport(Instant before) {
        return jdbc.query("select id, source, file_name, format, received_at from batch where recorded and final_report_at is null "
                + "and coalesce(last_interim_at, received_at) < :before", Map.of("before", UtcTime.of(before)), BatchStore::batch);
    }

    /** Reported batches with a row whose status changed since the report (e.g. CONFIRMED → REFUNDED). */
    public List<Batch> withCorrections() {
        return jdbc.query("select id, source, file_name, format, received_at from batch where correction_due", Map.of(),
                BatchStore::batch);
    }

    /** The legs Flash reported for an FX payment. */
    private static final String LEGS = "from_amount, from_currency, to_amount, to_currency";

    /**
     * Hands every row of the batch to {@code row} in line order, one at a time (a batch of a million
     * rows is never held in memory): refused lines from intake and accepted ones from the ledger,
     * read by one query.
     */
    public void eachStatusRow(String batchId, Consumer<StatusRow> row) {
        stream(STATUS_ROWS + " order by line_number", Map.of("batch", batchId, "from", 0), row);
    }

    /** The rows of a reported batch whose status changed since its final file, in line order, with the status reported then. */
    public void eachCorrection(String batchId, Consumer<StatusRow> row) {
        stream(CORRECTION_ROWS, Map.of("batch", batchId), row);
    }

    /**
     * At most {@code limit} rows of the batch from line {@code fromLine} on, in line order: a page of
     * the console's batch view (a batch of a million rows is never read whole for a page).
     */
    public List<StatusRow> statusRows(String batchId, int fromLine, int limit) {
        Map<String, Object> page = Map.of("batch", batchId, "from", fromLine, "limit", limit);
        List<StatusRow> rows = new ArrayList<>(jdbc.query(REFUSED_ROWS + " order by line_number limit :limit", page,
                (rs, n) -> statusRow(rs)));
        rows.addAll(jdbc.query(ACCEPTED_ROWS + " order by line_number limit :limit", page, (rs, n) -> statusRow(rs)));
        rows.sort(Comparator.comparingInt(StatusRow::lineNumber));
        return rows.size() <= limit ? rows : rows.subList(0, limit);
    }

    // Every status-row query has the columns of StatusRow, in its order.
    /** Refused lines: no Flash fields. */
    private static final String REFUSED_ROWS = "select line_number, payment_id, null as flash_id, outcome as status, "
            + "null as reject_code, reason as status_message, null as amount, null as fee, null as currency, null as updated_at, "
            + "null as previous_status, null as from_amount, null as from_currency, null as to_amount, null as to_currency "
            + "from batch_line where batch_id = :batch and line_number >= :from";
    /** The ledger's rows, a parked one's last error as its message. */
    private static final String ACCEPTED_ROWS = "select line_number, payment_id, flash_id, status, reject_code, "
            + "case when status = 'PARKED' then last_error else status_message end, amount, fee, currency, updated_at, "
            + "null as previous_status, " + LEGS + " from instruction where batch_id = :batch and line_number >= :from";
    private static final String STATUS_ROWS = REFUSED_ROWS + " union all " + ACCEPTED_ROWS;
    private static final String CORRECTION_ROWS = "select line_number, payment_id, flash_id, status, reject_code, status_message, "
            + "amount, fee, currency, updated_at, reported_status as previous_status, " + LEGS + " from instruction "
            + "where batch_id = :batch and status <> reported_status order by line_number";

    private static StatusRow statusRow(ResultSet rs) throws SQLException {
        return new StatusRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getString(9), UtcTime.read(rs, "updated_at"), rs.getString(11),
                rs.getBigDecimal(12), rs.getString(13), rs.getBigDecimal(14), rs.getString(15));
    }

    /** Reads the query's rows one at a time, a thousand per fetch, inside a transaction (PostgreSQL streams only there). */
    private void stream(String sql, Map<String, Object> parameters, Consumer<StatusRow> row) {
        transactions.executeWithoutResult(tx -> streaming.query(sql, parameters,
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> row.accept(statusRow(rs))));
    }

    /** The ERP now knows these statuses: remember them so only later changes become corrections. */
    public void markReported(String batchId, Instant at, boolean finalReport) {
        Map<String, Object> values = Map.of("batch", batchId, "at", UtcTime.of(at));
        if (!finalReport) {
            // Interim files change nothing the ERP relies on; touching every row here would lock the batch.
            jdbc.update("update batch set last_interim_at = :at where id = :batch", values);
            return;
        }
        transactions.executeWithoutResult(tx -> {
            jdbc.update("update instruction set reported_status = status where batch_id = :batch "
                    + "and (reported_status is null or reported_status <> status)", values);
            jdbc.update("update batch set final_report_at = coalesce(final_report_at, :at), correction_due = false "
                    + "where id = :batch", values);
        });
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static Batch batch(ResultSet rs, int n) throws SQLException {
        return new Batch(rs.getString("id"), rs.getString("source"), rs.getString("file_name"), rs.getString("format"),
                UtcTime.read(rs, "received_at"));
    }
}
