package io.flashbridge.intake.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flashbridge.ledger.Batch;
import io.flashbridge.ledger.BatchLine;
import io.flashbridge.ledger.BatchStore;
import io.flashbridge.ledger.LedgerDisk;
import io.flashbridge.output.OutputNames;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one payout or FX payment file, streamed to a local work file: inspects it (size, encoding, line count),
 * then streams it, validates every row, records the batch and the accepted instructions in the
 * ledger (the batch counts only once complete), and answers the acknowledgement file. A file whose
 * bytes were seen before (any name) is answered as a duplicate and changes nothing; a file refused
 * as a whole (empty, too large, too many rows, not UTF-8) gets an ack line for each of its lines.
 */
public class FileIntake {

    private static final Logger log = LoggerFactory.getLogger(FileIntake.class);
    private static final String BATCH_ID = "FlashBridgeUploadSha256";
    /** Header the route sets to REJECT_ROWS or REJECT_FILE; without it, {@code flashbridge.intake.policy} decides. */
    static final String REJECT_POLICY = "FlashBridgeRejectPolicy";
    private static final String DONE = "done/";
    private static final String FAILED = "failed/";

    /**
     * What the route does next: write the work file {@code ack} as {@code ackFileName}, queue the
     * batch's waiting instructions (none without {@code batchId}), archive the input as
     * {@code archive} ({@code done/X.B.csv} or {@code failed/X.B.csv}, see {@link OutputNames}).
     * The work file goes when the exchange is over.
     */
    public record Outcome(String batchId, String ackFileName, java.io.File ack, String archive, int rows, int accepted) {}

    private final BatchStore batches;
    private final IntakeProperties properties;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();
    private final CsvRowReader csv;
    private final AbaPayoutReader aba;
    private final Path workFolder;
    private final String csvFormat;
    private final io.micrometer.core.instrument.MeterRegistry meters;
    private final LedgerDisk disk;

    /** {@code csvFormat}: how the ledger names this kind of CSV ({@code CSV} for payouts, {@code FX-CSV}). */
    FileIntake(BatchStore batches, IntakeProperties properties, CamelContext camel,
               ObjectMapper json, String dataDir, CsvRowReader.Layout layout, String csvFormat,
               io.micrometer.core.instrument.MeterRegistry meters, LedgerDisk disk) {
        this.csvFormat = csvFormat;
        this.disk = disk;
        this.meters = meters;
        this.workFolder = Path.of(dataDir, "intake-work");
        this.batches = batches;
        this.properties = properties;
        this.json = json;
        this.csv = new CsvRowReader(properties.maxLineLength(), layout);
        this.aba = new AbaPayoutReader(camel);
    }

    public Outcome receive(Exchange exchange) throws IOException {
        try (LocalWorkFile file = LocalWorkFile.of(exchange, workFolder)) {
            FileInspection inspection = FileInspection.of(file.path());
            exchange.setProperty(BATCH_ID, inspection.sha256());
            String policy = exchange.getIn().getHeader(REJECT_POLICY, String.class);
            Outcome outcome = deletedWhenDone(exchange, receive(exchange.getIn().getHeader(Exchange.FILE_NAME, String.class),
                    file.path(), inspection, policy == null ? properties.policy() : IntakeProperties.Policy.valueOf(policy.trim())));
            // The ack tells the ERP what the ledger holds: it must be on the disk first.
            disk.force();
            return outcome;
        }
    }

    private static Outcome deletedWhenDone(Exchange exchange, Outcome outcome) {
        exchange.getExchangeExtension().addOnCompletion(new org.apache.camel.support.SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                if (!outcome.ack().delete() && outcome.ack().exists()) {
                    log.warn("Could not delete the ack work file {}", outcome.ack());
                }
            }
        });
        return outcome;
    }

    /** Takes the upload {@code fileName} whose bytes are in the local {@code file}. */
    Outcome receive(String fileName, Path file) throws IOException {
        return receive(fileName, file, FileInspection.of(file), properties.policy());
    }

    private Outcome receive(String fileName, Path file, FileInspection inspection, IntakeProperties.Policy policy)
            throws IOException {
        long started = System.nanoTime();
        String batchId = inspection.sha256();
        org.slf4j.MDC.put("batchId", batchId.substring(0, 12));
        try {
            return receiveBatch(fileName, file, inspection, policy, started, batchId);
        } finally {
            org.slf4j.MDC.remove("batchId");
        }
    }

    private Outcome receiveBatch(String fileName, Path file, FileInspection inspection, IntakeProperties.Policy policy,
                                 long started, String batchId) throws IOException {
        String refusal = refusal(inspection);
        if (refusal != null) {
            log.warn("File {} refused: {}", fileName, refusal);
            return refused(fileName, batchId, inspection, refusal);
        }
        String ackName = OutputNames.ack(fileName, batchId);
        Optional<Batch> seen = batches.find(batchId);
        if (seen.isPresent() && !seen.get().completed()) {
            return resume(seen.get(), fileName, ackName);
        }
        if (seen.isPresent()) {
            return duplicateFile(fileName, file, seen.get(), batchId);
        }
        Batch batch = new Batch(batchId, properties.source(), fileName, format(fileName), clock.instant());
        batches.begin(batch, ackName);
        AckRows rows = AckRows.in(workFolder);
        try {
            String fileProblem = read(fileName, file, new BatchJudge(properties.source(), batch, batches, json, rows)::judge);
            long readAt = System.nanoTime();
            boolean rejectFile = fileProblem != null
                    || (rows.firstRejectedLine() > 0 && policy == IntakeProperties.Policy.REJECT_FILE);
            if (rejectFile) {
                AckRows all = fileProblem != null
                        ? rows.rejectedAll("file rejected: " + fileProblem, lineOf(fileProblem), inspection.lines())
                        : rows.rejectedAll("file rejected: line " + rows.firstRejectedLine()
                                + " has errors and the policy rejects whole files", rows.firstRejectedLine(), 0);
                rows.close();
                rows = all;
                batches.finishRejected(batchId, rows::forEach);
            } else {
                batches.finish(batchId, rows.rows(), rows.count("ACCEPTED"));
            }
            rows.counts().forEach((outcome, count) -> meters.counter("flashbridge.intake.rows", "source", properties.source(),
                    "channel", "file", "outcome", outcome.toLowerCase()).increment(count));
            int accepted = rows.count("ACCEPTED");
            log.info("Batch {} ({}): {} rows, {} accepted, {} refused; read and recorded in {} ms, finished in {} ms", fileName,
                    OutputNames.shortId(batchId), rows.rows(), accepted, rows.rows() - accepted, (readAt - started) / 1_000_000,
                    (System.nanoTime() - readAt) / 1_000_000);
            return new Outcome(batchId, ackName, rows.writeAck().toFile(), archive(accepted, fileName, batchId), rows.rows(), accepted);
        } finally {
            rows.close();
        }
    }

    /** Marks the batch's intake complete: called by the route once the ack is written and the payouts queued. */
    public void completed(String batchId) {
        if (batchId != null) {
            batches.complete(batchId);
        }
    }

    /**
     * The answer for a file whose intake kept failing although the ledger and broker were up: one
     * ack line with the reason, and the file goes to {@code failed/}. Nothing was recorded for it.
     */
    public Outcome gaveUp(Exchange exchange) throws IOException {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        int attempts = properties.maxAttempts();
        String fileName = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
        String batchId = exchange.getProperty(BATCH_ID, "000000000000", String.class);
        String reason = "file not processed: its intake failed " + attempts + " times (" + (cause == null ? "unknown error" : cause.getClass().getSimpleName())
                + "); ask the bridge's operators, then send it again";
        log.error("File {} moved to failed/ after {} failed attempts", fileName, attempts, cause);
        return deletedWhenDone(exchange, new Outcome(null, OutputNames.duplicateAck(fileName, batchId, clock.instant()),
                ack(List.of(new BatchLine(1, null, "REJECTED", "line 1: " + reason))),
                FAILED + OutputNames.archivedUpload(fileName, clock.instant()), 0, 0));
    }

    private String refusal(FileInspection inspection) {
        if (inspection.bytes() == 0) {
            return "line 1: the file is empty";
        }
        if (inspection.bytes() > properties.maxFileSize().toBytes()) {
            return "line 1: the file is " + inspection.bytes() + " bytes, over the limit of " + properties.maxFileSize().toBytes()
                    + " bytes (flashbridge.intake.max-file-size); split it into smaller files";
        }
        if (inspection.lines() - 1 > properties.maxRows()) {
            return "line " + (properties.maxRows() + 2) + ": the file has " + (inspection.lines() - 1) + " lines after the first, "
                    + "over the limit of " + properties.maxRows() + " rows (flashbridge.intake.max-rows); split it into smaller files";
        }
        return inspection.encodingProblem();
    }

    /** A file refused before any row is read: every line gets its row (one line when it is too big to list). */
    private Outcome refused(String fileName, String batchId, FileInspection inspection, String reason) throws IOException {
        boolean listLines = inspection.encodingProblem() != null && reason.equals(inspection.encodingProblem());
        try (AckRows rows = AckRows.in(workFolder)) {
            if (listLines) {
                for (int line = 1; line <= inspection.lines(); line++) {
                    rows.add(new BatchLine(line, null, "REJECTED", "file rejected: " + reason));
                }
            } else {
                rows.add(new BatchLine(lineOf(reason), null, "REJECTED", "file rejected: " + reason));
            }
            return new Outcome(null, OutputNames.duplicateAck(fileName, batchId, clock.instant()), rows.writeAck().toFile(),
                    archive(0, fileName, batchId), rows.rows(), 0);
        }
    }

    /**
     * The bridge stopped after recording this file but before its intake completed: answer the same
     * ack again from the ledger and queue what still waits (the submitter ignores what was sent).
     */
    private Outcome resume(Batch batch, String fileName, String ackName) throws IOException {
        log.warn("File {} was recorded but its intake did not complete; resuming it", batch.fileName());
        try (AckRows rows = AckRows.in(workFolder)) {
            batches.eachStatusRow(batch.id(), row -> rows.add(new BatchLine(row.lineNumber(), row.paymentId(),
                    row.flashId() == null && row.amount() == null ? row.status() : "ACCEPTED",
                    row.amount() == null ? row.statusMessage() : "")));
            int accepted = rows.count("ACCEPTED");
            return new Outcome(batch.id(), ackName, rows.writeAck().toFile(), archive(accepted, fileName, batch.id()), rows.rows(),
                    accepted);
        }
    }

    /** {@code done/} when any row was accepted, else {@code failed/}. */
    private static String archive(int accepted, String fileName, String batchId) {
        return (accepted == 0 ? FAILED : DONE) + OutputNames.archivedUpload(fileName, batchId);
    }

    private Outcome duplicateFile(String fileName, Path file, Batch seen, String batchId) throws IOException {
        log.warn("File {} has the same content as {} received {}; not processed again", fileName, seen.fileName(),
                seen.receivedAt());
        String reason = "file already processed: same content as " + seen.fileName() + " received " + seen.receivedAt();
        try (AckRows lines = AckRows.in(workFolder)) {
            read(fileName, file, rows -> rows.forEach(row ->
                    lines.add(new BatchLine(row.lineNumber(), BatchJudge.paymentId(row), "DUPLICATE", reason))));
            if (lines.rows() == 0) {
                lines.add(new BatchLine(1, null, "DUPLICATE", reason));
            }
            return new Outcome(null, OutputNames.duplicateAck(fileName, batchId, clock.instant()), lines.writeAck().toFile(),
                    archive(0, fileName, batchId), lines.rows(), 0);
        }
    }

    /** Streams the file's rows to {@code rows}; answers a file-level problem, or null. */
    private String read(String fileName, Path file, Consumer<List<ParsedFile.Row>> rows) throws IOException {
        try (InputStream in = Files.newInputStream(file);
             BufferedReader text = new BufferedReader(new InputStreamReader(withoutBom(in), StandardCharsets.UTF_8), 64 * 1024)) {
            if (format(fileName).equals("ABA")) {
                return aba.read(new LineSource(text, 120), rows);
            }
            return csv.read(new LineSource(text, properties.maxLineLength()), rows);
        }
    }

    private static InputStream withoutBom(InputStream in) throws IOException {
        java.io.PushbackInputStream pushback = new java.io.PushbackInputStream(in, 3);
        byte[] start = new byte[3];
        int n = pushback.readNBytes(start, 0, 3);
        boolean bom = n == 3 && start[0] == (byte) 0xEF && start[1] == (byte) 0xBB && start[2] == (byte) 0xBF;
        if (!bom && n > 0) {
            pushback.unread(start, 0, n);
        }
        return pushback;
    }

    private String format(String fileName) {
        return fileName.toLowerCase().endsWith(".aba") ? "ABA" : csvFormat;
    }

    private java.io.File ack(List<BatchLine> lines) throws IOException {
        try (AckRows rows = AckRows.in(workFolder)) {
            rows.addAll(lines);
            return rows.writeAck().toFile();
        }
    }

    private static int lineOf(String problem) {
        try {
            return Integer.parseInt(problem.replaceFirst("(?s)^line (\\d+):.*", "$1"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
