package io.flashbridge.ops.console;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.flashbridge.instruction.Masking;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The console's read model: searches over the ledger, at most {@value #LIMIT} rows a page, account numbers masked. */
@Component
class ConsoleQueries {

    static final int LIMIT = 200;

    /** One batch as the batches page lists it. */
    record BatchSummary(String id, String shortId, String fileName, String source, String format, OffsetDateTime receivedAt,
                        int totalRows, int acceptedRows, int rejectedRows, BigDecimal acceptedAmount,
                        Map<String, Integer> byStatus, boolean finalReported) {}

    private final NamedParameterJdbcTemplate jdbc;

    ConsoleQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest batches whose file name contains {@code fileName} (any when null). */
    List<BatchSummary> batches(String fileName) {
        return summaries("lower(file_name) like lower(:name)",
                new MapSqlParameterSource().addValue("name", "%" + (fileName == null ? "" : fileName) + "%"));
    }

    Optional<BatchSummary> batch(String id) {
        return summaries("id = :id", new MapSqlParameterSource().addValue("id", id)).stream().findFirst();
    }

    /** Batches matching {@code condition}, each with its rows by state and accepted total (one grouped query for all of them). */
    private List<BatchSummary> summaries(String condition, MapSqlParameterSource values) {
        record Row(String id, String fileName, String source, String format, OffsetDateTime receivedAt, int total, int accepted,
                   int rejected, boolean finalReported) {}
        List<Row> rows = jdbc.query("select id, file_name, source, format, received_at, total_rows, accepted_rows, rejected_rows, "
                + "final_report_at from batch where recorded and " + condition + " order by received_at desc fetch first "
                + LIMIT + " rows only", values, (rs, n) -> new Row(rs.getString("id"), rs.getString("file_name"),
                rs.getString("source"), rs.getString("format"), rs.getObject("received_at", OffsetDateTime.class),
                rs.getInt("total_rows"), rs.getInt("accepted_rows"), rs.getInt("rejected_rows"),
                rs.getObject("final_report_at") != null));
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, Integer>> byStatus = new HashMap<>();
        Map<String, BigDecimal> totals = new HashMap<>();
        jdbc.query("select batch_id, status, count(*) n, sum(amount) total from instruction where batch_id in (:ids) "
                + "group by batch_id, status order by status", Map.of("ids", rows.stream().map(Row::id).toList()), rs -> {
                    String batch = rs.getString("batch_id");
                    byStatus.computeIfAbsent(batch, id -> new LinkedHashMap<>()).put(rs.getString("status"), rs.getInt("n"));
                    totals.merge(batch, rs.getBigDecimal("total"), BigDecimal::add);
                });
        return rows.stream().map(row -> new BatchSummary(row.id(), row.id().substring(0, 12), row.fileName(), row.source(),
                row.format(), row.receivedAt(), row.total(), row.accepted(), row.rejected(),
                totals.getOrDefault(row.id(), BigDecimal.ZERO), byStatus.getOrDefault(row.id(), Map.of()), row.finalReported()))
                .toList();
    }

    /** Instructions matching every given criterion (payment id or Flash id as a prefix), newest first. */
    List<Map<String, Object>> instructions(String paymentId, String flashId, String status, LocalDate date) {
        StringBuilder sql = new StringBuilder("select id, source, payment_id, batch_id, line_number, kind, amount, currency, status, "
                + "flash_id, reject_code, status_message, created_at, updated_at from instruction where 1 = 1");
        MapSqlParameterSource values = new MapSqlParameterSource();
        if (paymentId != null && !paymentId.isBlank()) {
            sql.append(" and payment_id like :paymentId");
            values.addValue("paymentId", paymentId.trim() + "%");
        }
        if (flashId != null && !flashId.isBlank()) {
            sql.append(" and flash_id like :flashId");
            values.addValue("flashId", flashId.trim() + "%");
        }
        if (status != null && !status.isBlank()) {
            sql.append(" and status = :status");
            values.addValue("status", status.trim());
        }
        if (date != null) {
            sql.append(" and created_at >= :from and created_at < :to");
            values.addValue("from", date.atStartOfDay().atOffset(ZoneOffset.UTC)).addValue("to", date.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        sql.append(" order by id desc fetch first " + LIMIT + " rows only");
        return jdbc.queryForList(sql.toString(), values);
    }

    List<Map<String, Object>> withStatuses(List<String> statuses) {
        return jdbc.queryForList("select id, source, payment_id, batch_id, kind, amount, currency, status, flash_id, status_message, "
                + "attempts, last_error, awaiting_funds_since, updated_at from instruction where status in (:statuses) "
                + "order by id fetch first " + LIMIT + " rows only", Map.of("statuses", statuses));
    }

    /** Deposits by the payer's reference (contains), exact amount, and day of arrival (UTC); payer accounts masked. */
    List<Map<String, Object>> deposits(String reference, BigDecimal amount, LocalDate date) {
        StringBuilder sql = new StringBuilder("select flash_id, status, amount, fee, currency, external_reference, payer_name, "
                + "payer_bsb, payer_account, van_bsb, van_account, created_at from deposit where 1 = 1");
        MapSqlParameterSource values = new MapSqlParameterSource();
        if (reference != null && !reference.isBlank()) {
            sql.append(" and lower(external_reference) like lower(:reference)");
            values.addValue("reference", "%" + reference.trim() + "%");
        }
        if (amount != null) {
            sql.append(" and amount = :amount");
            values.addValue("amount", amount);
        }
        if (date != null) {
            sql.append(" and created_at >= :from and created_at < :to");
            values.addValue("from", date.atStartOfDay().atOffset(ZoneOffset.UTC)).addValue("to", date.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        sql.append(" order by created_at desc fetch first " + LIMIT + " rows only");
        List<Map<String, Object>> rows = jdbc.queryForList(sql.toString(), values);
        rows.forEach(row -> {
            row.put("PAYER_ACCOUNT", Masking.account((String) row.get("PAYER_ACCOUNT")));
            row.put("VAN_ACCOUNT", Masking.account((String) row.get("VAN_ACCOUNT")));
        });
        return rows;
    }
}
