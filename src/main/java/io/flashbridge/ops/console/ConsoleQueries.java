package io.flashbridge.ops.console;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    List<BatchSummary> batches(String fileName) {
        MapSqlParameterSource values = new MapSqlParameterSource().addValue("name", "%" + (fileName == null ? "" : fileName) + "%");
        List<BatchSummary> batches = jdbc.query("select id, file_name, source, format, received_at, total_rows, accepted_rows, "
                + "rejected_rows, final_report_at from batch where recorded and lower(file_name) like lower(:name) "
                + "order by received_at desc fetch first " + LIMIT + " rows only", values,
                (rs, n) -> new BatchSummary(rs.getString("id"), rs.getString("id").substring(0, 12), rs.getString("file_name"),
                        rs.getString("source"), rs.getString("format"), rs.getObject("received_at", OffsetDateTime.class),
                        rs.getInt("total_rows"), rs.getInt("accepted_rows"), rs.getInt("rejected_rows"), BigDecimal.ZERO,
                        new LinkedHashMap<>(), rs.getObject("final_report_at") != null));
        List<BatchSummary> withCounts = new ArrayList<>();
        for (BatchSummary batch : batches) {
            Map<String, Integer> byStatus = new LinkedHashMap<>();
            BigDecimal[] total = {BigDecimal.ZERO};
            jdbc.query("select status, count(*) n, sum(amount) total from instruction where batch_id = :id group by status order by status",
                    Map.of("id", batch.id()), rs -> {
                        byStatus.put(rs.getString("status"), rs.getInt("n"));
                        total[0] = total[0].add(rs.getBigDecimal("total"));
                    });
            withCounts.add(new BatchSummary(batch.id(), batch.shortId(), batch.fileName(), batch.source(), batch.format(),
                    batch.receivedAt(), batch.totalRows(), batch.acceptedRows(), batch.rejectedRows(), total[0], byStatus,
                    batch.finalReported()));
        }
        return withCounts;
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
