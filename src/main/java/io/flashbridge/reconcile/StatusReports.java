package io.flashbridge.reconcile;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.flashbridge.output.CsvText;
import io.flashbridge.output.OutputNames;
import io.flashbridge.ledger.Batch;
import io.flashbridge.ledger.BatchStore;
import io.flashbridge.ledger.StatusRow;
import org.springframework.beans.factory.annotation.Value;
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
    static final List<String> FX_HEADER = Stream.concat(HEADER.stream(),
            Stream.of("from_amount", "from_currency", "to_amount", "to_currency")).toList();

    private final BatchStore batches;
    private final Clock clock = Clock.systemUTC();
    /** Where a report is written before it goes to the inbox: a batch of a million rows never sits in memory. */
    private final Path workFolder;
    private final UnwrittenReports unwritten;

    StatusReports(BatchStore batches, @Value("${flashbridge.data-dir}") String dataDir, UnwrittenReports unwritten) {
        this.batches = batches;
        this.workFolder = Path.of(dataDir, "report-work");
        this.unwritten = unwritten;
    }

    /** Final files for batches that just became final, and correction files for reported batches that changed. */
    public List<ReportFile> finalAndCorrections() {
        List<ReportFile> files = new ArrayList<>();
        for (Batch batch : batches.readyForFinalReport()) {
            files.add(new ReportFile(batch.id(), OutputNames.finalStatus(batch.fileName(), batch.id()), batch.format(), true, false));
        }
        Instant now = clock.instant();
        for (Batch batch : batches.withCorrections()) {
            files.add(new ReportFile(batch.id(), interimName(batch, now), batch.format(), true, true));
        }
        return files;
    }

    /** Interim files for batches still open after {@code minAge} since arrival or their last interim file. */
    public List<ReportFile> interim(long minAgeMillis) {
        Duration minAge = Duration.ofMillis(minAgeMillis);
        Instant now = clock.instant();
        return batches.dueForInterimReport(now.minus(minAge)).stream()
                .map(batch -> new ReportFile(batch.id(), interimName(batch, now), batch.format(), false, false))
                .toList();
    }

    /** Writes the report's rows, as they are in the ledger now, to a work file; answers it for the inbox. */
    public File render(ReportFile report) throws IOException {
        Files.createDirectories(workFolder);
        Path file = workFile(report);
        boolean fx = "FX-CSV".equals(report.format());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(CsvText.line(fx ? FX_HEADER : HEADER));
            Consumer<StatusRow> write = row -> {
                try {
                    out.write(line(row, fx));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            if (report.correctionsOnly()) {
                batches.eachCorrection(report.batchId(), write);
            } else {
                batches.eachStatusRow(report.batchId(), write);
            }
        }
        return file.toFile();
    }

    /** Called once the file is in the inbox: the ERP now knows these statuses. */
    public void written(ReportFile file) {
        batches.markReported(file.batchId(), clock.instant(), file.finalReport());
    }

    /** The report did not reach the inbox (or could not be read): said in one line, counted, and written again when next due. */
    public void notWritten(ReportFile file, Exception cause) {
        unwritten.statusFile(file.fileName(), cause);
    }

    /**
     * Removes the report's work file, whether it reached the inbox or not: a report that could not be
     * written is rendered again from the ledger when it is next due (an interim or correction file
     * under a new name), so nothing is left behind in the work folder.
     */
    public void discard(ReportFile file) throws IOException {
        Files.deleteIfExists(workFile(file));
    }

    private Path workFile(ReportFile report) {
        return workFolder.resolve(report.fileName());
    }

    private static String interimName(Batch batch, Instant now) {
        return OutputNames.interimStatus(batch.fileName(), batch.id(), now);
    }

    private static String line(StatusRow row, boolean fx) {
        List<Object> values = new ArrayList<>(Arrays.asList(row.lineNumber(), row.paymentId(), row.flashId(),
                row.status(), row.rejectCode(), row.statusMessage(), plain(row.amount()), plain(row.fee()), row.currency(),
                row.updatedAt() == null ? null : row.updatedAt().toString(), row.previousStatus()));
        if (fx) {
            values.addAll(Arrays.asList(plain(row.fromAmount()), row.fromCurrency(), plain(row.toAmount()),
                    row.toCurrency()));
        }
        return CsvText.line(values);
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
