package io.flashbridge.intake.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flashbridge.ledger.Batch;
import io.flashbridge.ledger.BatchLine;
import io.flashbridge.ledger.BatchStore;
import io.flashbridge.ledger.InstructionStore;
import io.flashbridge.output.CsvText;
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
    static final List<String> ACK_HEADER = List.of("line_number", "payment_id", "status", "reason");

    /**
     * What the route does next: write {@code ackContent} as {@code ackFileName}, queue
     * {@code acceptedIds}, archive the input under {@code archive} ({@code done} or {@code failed}).
     */
    public record Outcome(String batchId, String ackFileName, String ackContent, List<Long> acceptedIds, String archive,
                          int rows, int accepted) {}

    private final BatchStore batches;
    private final InstructionStore instructions;
    private final IntakeProperties properties;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();
    private final CsvRowReader csv;
    private final AbaPayoutReader aba;
    private final Path workFolder;
    private final String csvFormat;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    /** {@code csvFormat}: how the ledger names this kind of CSV ({@code CSV} for payouts, {@code FX-CSV}). */
    FileIntake(BatchStore batches, InstructionStore instructions, IntakeProperties properties, CamelContext camel,
               ObjectMapper json, String dataDir, CsvRowReader.Layout layout, String csvFormat,
               io.micrometer.core.instrument.MeterRegistry meters) {
        this.csvFormat = csvFormat;
        this.meters = meters;
        this.workFolder = Path.of(dataDir, "intake-work");
        this.batches = batches;
        this.instructions = instructions;
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
            return receive(exchange.getIn().getHeader(Exchange.FILE_NAME, String.class), file.path(), inspection,
                    policy == null ? properties.policy() : IntakeProperties.Policy.valueOf(policy.trim()));
        }
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
            return resume(seen.get(), ackName);
        }
        if (seen.isPresent()) {
            return duplicateFile(fileName, file, seen.get(), batchId);
        }
        Batch batch = new Batch(batchId, properties.source(), fileName, format(fileName), clock.instant());
        batches.begin(batch, ackName);
        BatchJudge judge = new BatchJudge(properties.source(), instructions, json);
        List<Long> recordedIds = new ArrayList<>();
        String fileProblem = read(fileName, file, rows -> recordedIds.addAll(batches.add(batch, judge.judge(rows))));
        long readAt = System.nanoTime();
        boolean rejectFile = fileProblem != null
                || (judge.anyRejected() && policy == IntakeProperties.Policy.REJECT_FILE);
        if (fileProblem != null) {
            judge.rejectAll("file rejected: " + fileProblem, lineOf(fileProblem), inspection.lines());
        } else if (rejectFile) {
            int firstBad = judge.lines().stream().filter(line -> line.outcome().equals("REJECTED")).findFirst()
                    .orElseThrow().lineNumber();
            judge.rejectAll("file rejected: line " + firstBad + " has errors and the policy rejects whole files", firstBad, 0);
        }
        batches.finish(batchId, judge.lines(), rejectFile);
        judge.lines().stream().collect(java.util.stream.Collectors.groupingBy(BatchLine::outcome, java.util.stream.Collectors.counting()))
                .forEach((outcome, count) -> meters.counter("flashbridge.intake.rows", "source", properties.source(),
                        "channel", "file", "outcome", outcome.toLowerCase()).increment(count));
        List<Long> ids = rejectFile ? List.of() : recordedIds;
        int rows = judge.lines().size();
        log.info("Batch {} ({}): {} rows, {} accepted, {} refused; read and recorded in {} ms, finished in {} ms", fileName,
                OutputNames.shortId(batchId), rows, ids.size(), rows - ids.size(), (readAt - started) / 1_000_000,
                (System.nanoTime() - readAt) / 1_000_000);
        return new Outcome(batchId, ackName, ack(judge.lines()), ids, ids.isEmpty() ? "failed" : "done", rows, ids.size());
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
    public Outcome gaveUp(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        int attempts = properties.maxAttempts();
        String fileName = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
        String batchId = exchange.getProperty(BATCH_ID, "000000000000", String.class);
        String reason = "file not processed: its intake failed " + attempts + " times (" + (cause == null ? "unknown error" : cause.getClass().getSimpleName())
                + "); ask the bridge's operators, then send it again";
        log.error("File {} moved to failed/ after {} failed attempts", fileName, attempts, cause);
        return new Outcome(null, OutputNames.duplicateAck(fileName, batchId, clock.instant()),
                ack(List.of(new BatchLine(1, null, "REJECTED", "line 1: " + reason))), List.of(), "failed", 0, 0);
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
    private Outcome refused(String fileName, String batchId, FileInspection inspection, String reason) {
        boolean listLines = inspection.encodingProblem() != null && reason.equals(inspection.encodingProblem());
        List<BatchLine> lines = new ArrayList<>();
        int count = listLines ? inspection.lines() : 1;
        for (int line = 1; line <= count; line++) {
            lines.add(new BatchLine(line, null, "REJECTED", "file rejected: " + reason));
        }
        if (!listLines) {
            lines.set(0, new BatchLine(lineOf(reason), null, "REJECTED", "file rejected: " + reason));
        }
        return new Outcome(null, OutputNames.duplicateAck(fileName, batchId, clock.instant()), ack(lines), List.of(), "failed",
                lines.size(), 0);
    }

    /**
     * The bridge stopped after recording this file but before its intake completed: answer the same
     * ack again from the ledger and queue what still waits (the submitter ignores what was sent).
     */
    private Outcome resume(Batch batch, String ackName) {
        log.warn("File {} was recorded but its intake did not complete; resuming it", batch.fileName());
        List<BatchLine> lines = batches.statusRows(batch.id()).stream()
                .map(row -> new BatchLine(row.lineNumber(), row.paymentId(),
                        row.flashId() == null && row.amount() == null ? row.status() : "ACCEPTED",
                        row.amount() == null ? row.statusMessage() : ""))
                .toList();
        List<Long> waiting = instructions.waitingIdsOfBatch(batch.id());
        long accepted = lines.stream().filter(line -> line.outcome().equals("ACCEPTED")).count();
        return new Outcome(batch.id(), ackName, ack(lines), waiting, accepted == 0 ? "failed" : "done", lines.size(), (int) accepted);
    }

    private Outcome duplicateFile(String fileName, Path file, Batch seen, String batchId) throws IOException {
        log.warn("File {} has the same content as {} received {}; not processed again", fileName, seen.fileName(),
                seen.receivedAt());
        String reason = "file already processed: same content as " + seen.fileName() + " received " + seen.receivedAt();
        List<BatchLine> lines = new ArrayList<>();
        read(fileName, file, rows -> rows.forEach(row ->
                lines.add(new BatchLine(row.lineNumber(), BatchJudge.paymentId(row), "DUPLICATE", reason))));
        if (lines.isEmpty()) {
            lines.add(new BatchLine(1, null, "DUPLICATE", reason));
        }
        return new Outcome(null, OutputNames.duplicateAck(fileName, batchId, clock.instant()), ack(lines), List.of(), "failed",
                lines.size(), 0);
    }

    /** Streams the file's rows to {@code rows}; answers a file-level problem, or null. */
    private String read(String fileName, Path file, Consumer<List<ParsedFile.Row>> rows) throws IOException {
        try (InputStream in = Files.newInputStream(file);
             BufferedReader text = new BufferedReader(new InputStreamReader(withoutBom(in), StandardCharsets.UTF_8), 64 * 1024)) {
            if (format(fileName).equals("ABA")) {
                ParsedFile parsed = aba.read(new LineSource(text, 120));
                rows.accept(parsed.rows());
                return parsed.fileProblem();
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

    private String ack(List<BatchLine> lines) {
        StringBuilder ack = new StringBuilder(lines.size() * 48);
        ack.append(CsvText.line(ACK_HEADER));
        for (BatchLine line : lines) {
            ack.append(CsvText.line(List.of(line.lineNumber(), nullToEmpty(line.paymentId()), line.outcome(),
                    nullToEmpty(line.reason()))));
        }
        return ack.toString();
    }

    private static int lineOf(String problem) {
        try {
            return Integer.parseInt(problem.replaceFirst("(?s)^line (\\d+):.*", "$1"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
