package io.flashbridge.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Batches (input files), their lines, and the queries behind status files. */
@Component
public class BatchStore {

    private static final String FINAL = "('CONFIRMED', 'REFUNDED', 'CANCELLED', 'API_REJECTED')";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final InstructionStore instructions;

    BatchStore(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions, InstructionStore instructions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.instructions = instructions;
    }

    public Optional<Batch> find(String id) {
        return jdbc.query("select id, source, file_name, format, received_at from batch where id = :id", Map.of("id", id),
                BatchStore::batch).stream().findFirst();
    }

    /** Records the file, every line's outcome and the accepted instructions in one transaction. */
    public void record(Batch batch, String ackFile, List<BatchLine> lines, List<InstructionStore.NewInstruction> accepted) {
        transactions.executeWithoutResult(tx -> {
            long rejected = lines.stream().filter(line -> !line.outcome().equals("ACCEPTED")).count();
            jdbc.update("insert into batch (id, source, file_name, format, received_at, total_rows, accepted_rows, rejected_rows, ack_file) "
                    + "values (:id, :source, :name, :format, :at, :total, :accepted, :rejected, :ack)", new MapSqlParameterSource()
                    .addValue("id", batch.id()).addValue("source", batch.source()).addValue("name", batch.fileName())
                    .addValue("format", batch.format()).addValue("at", Timestamp.from(batch.receivedAt()))
                    .addValue("total", lines.size()).addValue("accepted", accepted.size()).addValue("rejected", rejected)
                    .addValue("ack", ackFile));
            List<SqlParameterSource> rows = new ArrayList<>(lines.size());
            for (BatchLine line : lines) {
                rows.add(new MapSqlParameterSource().addValue("batch", batch.id()).addValue("line", line.lineNumber())
                        .addValue("paymentId", truncate(line.paymentId(), 64)).addValue("outcome", line.outcome())
                        .addValue("reason", truncate(line.reason(), 1000)));
            }
            for (int from = 0; from < rows.size(); from += 1000) {
                jdbc.batchUpdate("insert into batch_line (batch_id, line_number, payment_id, outcome, reason) "
                                + "values (:batch, :line, :paymentId, :outcome, :reason)",
                        rows.subList(from, Math.min(rows.size(), from + 1000)).toArray(SqlParameterSource[]::new));
            }
            instructions.insertAll(batch.id(), accepted, batch.receivedAt());
        });
    }

    /** Batches not yet reported whose every accepted row is final. */
    public List<Batch> readyForFinalReport() {
        return jdbc.query("select id, source, file_name, format, received_at from batch b where final_report_at is null "
                + "and not exists (select 1 from instruction i where i.batch_id = b.id and i.status not in " + FINAL + ")",
                Map.of(), BatchStore::batch);
    }

    /** Batches still open whose last interim report (or arrival) is older than {@code before}. */
    public List<Batch> dueForInterimReport(Instant before) {
        return jdbc.query("select id, source, file_name, format, received_at from batch where final_report_at is null "
                + "and coalesce(last_interim_at, received_at) < :before", Map.of("before", Timestamp.from(before)), BatchStore::batch);
    }

    /** Reported batches with a row whose status changed since the report (e.g. CONFIRMED → REFUNDED). */
    public List<Batch> withCorrections() {
        return jdbc.query("select distinct b.id, b.source, b.file_name, b.format, b.received_at from batch b join instruction i "
                + "on i.batch_id = b.id where b.final_report_at is not null and i.status <> i.reported_status", Map.of(), BatchStore::batch);
    }

    public List<StatusRow> statusRows(String batchId) {
        return jdbc.query("select l.line_number, l.payment_id, l.outcome, l.reason, i.flash_id, i.status, i.reject_code, "
                + "i.status_message, i.amount, i.fee, i.currency, i.updated_at, i.last_error from batch_line l left join instruction i "
                + "on i.batch_id = l.batch_id and i.line_number = l.line_number where l.batch_id = :batch order by l.line_number",
                Map.of("batch", batchId), (rs, n) -> {
                    boolean accepted = rs.getString("outcome").equals("ACCEPTED") && rs.getString("status") != null;
                    Timestamp updated = rs.getTimestamp("updated_at");
                    String message = accepted ? rs.getString("status_message") : rs.getString("reason");
                    if (accepted && "PARKED".equals(rs.getString("status"))) {
                        message = rs.getString("last_error");
                    }
                    return new StatusRow(rs.getInt("line_number"), rs.getString("payment_id"), rs.getString("flash_id"),
                            accepted ? rs.getString("status") : rs.getString("outcome"), rs.getString("reject_code"),
                            message, rs.getBigDecimal("amount"), rs.getBigDecimal("fee"), rs.getString("currency"),
                            updated == null ? null : updated.toInstant(), null);
                });
    }

    public List<StatusRow> corrections(String batchId) {
        return jdbc.query("select line_number, payment_id, flash_id, status, reject_code, status_message, amount, fee, currency, "
                + "updated_at, reported_status from instruction where batch_id = :batch and status <> reported_status order by line_number",
                Map.of("batch", batchId), (rs, n) -> new StatusRow(rs.getInt("line_number"), rs.getString("payment_id"),
                        rs.getString("flash_id"), rs.getString("status"), rs.getString("reject_code"), rs.getString("status_message"),
                        rs.getBigDecimal("amount"), rs.getBigDecimal("fee"), rs.getString("currency"),
                        rs.getTimestamp("updated_at").toInstant(), rs.getString("reported_status")));
    }

    /** The ERP now knows these statuses: remember them so only later changes become corrections. */
    public void markReported(String batchId, Instant at, boolean finalReport) {
        transactions.executeWithoutResult(tx -> {
            jdbc.update("update instruction set reported_status = status where batch_id = :batch", Map.of("batch", batchId));
            jdbc.update(finalReport
                            ? "update batch set final_report_at = coalesce(final_report_at, :at) where id = :batch"
                            : "update batch set last_interim_at = :at where id = :batch",
                    Map.of("batch", batchId, "at", Timestamp.from(at)));
        });
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static Batch batch(ResultSet rs, int n) throws SQLException {
        return new Batch(rs.getString("id"), rs.getString("source"), rs.getString("file_name"), rs.getString("format"),
                rs.getTimestamp("received_at").toInstant());
    }
}
