package io.flashbridge.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.flashbridge.output.CsvText;
import io.flashbridge.output.OutputNames;
import io.flashbridge.ledger.Batch;
import io.flashbridge.ledger.BatchStore;
import io.flashbridge.ledger.StatusRow;
import org.springframework.stereotype.Component;

/**
 * Status files for the ERP (names: {@link OutputNames}): the final one once every row of a batch is
 * final; interim files while rows are still moving; and correction files (named as interim ones)
 * listing only rows that changed after the final file, with {@code previous_status} set.
 */
@Component("statusReports")
public class StatusReports {

    static final List<String> HEADER = List.of("line_number", "payment_id", "flash_id", "status", "reject_code",
            "status_message", "amount", "fee", "currency", "updated_at", "previous_status");
    /** FX payment files add the legs Flash reported: what it debits and what it delivers. */
    static final List<String> FX_HEADER = java.util.stream.Stream.concat(HEADER.stream(),
            java.util.stream.Stream.of("from_amount", "from_currency", "to_amount", "to_currency")).toList();

    private final BatchStore batches;
    private final Clock clock = Clock.systemUTC();

    StatusReports(BatchStore batches) {
        this.batches = batches;
    }

    /** Final files for batches that just became final, and correction files for reported batches that changed. */
    public List<ReportFile> finalAndCorrections() {
        List<ReportFile> files = new ArrayList<>();
        for (Batch batch : batches.readyForFinalReport()) {
            files.add(new ReportFile(batch.id(), OutputNames.finalStatus(batch.fileName(), batch.id()),
                    content(batch, batches.statusRows(batch.id())), true));
        }
        Instant now = clock.instant();
        for (Batch batch : batches.withCorrections()) {
            files.add(new ReportFile(batch.id(), interimName(batch, now), content(batch, batches.corrections(batch.id())), true));
        }
        return files;
    }

    /** Interim files for batches still open after {@code minAge} since arrival or their last interim file. */
    public List<ReportFile> interim(long minAgeMillis) {
        Duration minAge = Duration.ofMillis(minAgeMillis);
        Instant now = clock.instant();
        return batches.dueForInterimReport(now.minus(minAge)).stream()
                .map(batch -> new ReportFile(batch.id(), interimName(batch, now), content(batch, batches.statusRows(batch.id())), false))
                .toList();
    }

    /** Called once the file is in the inbox: the ERP now knows these statuses. */
    public void written(ReportFile file) {
        batches.markReported(file.batchId(), clock.instant(), file.finalReport());
    }

    private static String interimName(Batch batch, Instant now) {
        return OutputNames.interimStatus(batch.fileName(), batch.id(), now);
    }

    private static String content(Batch batch, List<StatusRow> rows) {
        boolean fx = "FX-CSV".equals(batch.format());
        StringBuilder csv = new StringBuilder(rows.size() * 96);
        csv.append(CsvText.line(fx ? FX_HEADER : HEADER));
        for (StatusRow row : rows) {
            List<Object> values = new ArrayList<>(java.util.Arrays.asList(row.lineNumber(), row.paymentId(), row.flashId(),
                    row.status(), row.rejectCode(), row.statusMessage(), plain(row.amount()), plain(row.fee()), row.currency(),
                    row.updatedAt() == null ? null : row.updatedAt().toString(), row.previousStatus()));
            if (fx) {
                values.addAll(java.util.Arrays.asList(plain(row.fromAmount()), row.fromCurrency(), plain(row.toAmount()),
                        row.toCurrency()));
            }
            csv.append(CsvText.line(values));
        }
        return csv.toString();
    }

    private static String plain(java.math.BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
