package io.flashbridge.intake.file;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flashbridge.ledger.Batch;
import io.flashbridge.ledger.BatchLine;
import io.flashbridge.ledger.BatchStore;
import io.flashbridge.ledger.InstructionStore;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Takes one payout file: reads it chunk by chunk, validates every row, records the batch and the
 * accepted instructions in the ledger (the batch counts only once complete), and answers the
 * acknowledgement file. A file whose bytes were seen before (any name) is answered as a duplicate
 * and changes nothing.
 */
@Component("payoutFileIntake")
public class PayoutFileIntake {

    private static final Logger log = LoggerFactory.getLogger(PayoutFileIntake.class);
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
    private final CamelContext camel;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();
    private volatile CsvPayoutReader csv;
    private volatile AbaPayoutReader aba;

    PayoutFileIntake(BatchStore batches, InstructionStore instructions, IntakeProperties properties, CamelContext camel,
                     ObjectMapper json) {
        this.batches = batches;
        this.instructions = instructions;
        this.properties = properties;
        this.camel = camel;
        this.json = json;
    }

    public Outcome receive(@Header(Exchange.FILE_NAME) String fileName, byte[] content) {
        long started = System.nanoTime();
        String batchId = sha256(content);
        String ackName = CsvText.baseName(fileName) + ".ack.csv";
        Optional<Batch> seen = batches.find(batchId);
        if (seen.isPresent() && !seen.get().completed()) {
            return resume(seen.get(), ackName);
        }
        if (seen.isPresent()) {
            return duplicateFile(fileName, content, ackName, seen.get());
        }
        Batch batch = new Batch(batchId, properties.source(), fileName, format(fileName), clock.instant());
        batches.begin(batch, ackName);
        BatchJudge judge = new BatchJudge(properties.source(), instructions, json);
        List<Long> recordedIds = new ArrayList<>();
        String fileProblem = read(fileName, content, rows -> recordedIds.addAll(batches.add(batch, judge.judge(rows))));
        long readAt = System.nanoTime();
        boolean rejectFile = fileProblem != null
                || (judge.anyRejected() && properties.policy() == IntakeProperties.Policy.REJECT_FILE);
        if (fileProblem != null) {
            judge.rejectAll("file rejected: " + fileProblem, lineOf(fileProblem));
        } else if (rejectFile) {
            int firstBad = judge.lines().stream().filter(line -> line.outcome().equals("REJECTED")).findFirst()
                    .orElseThrow().lineNumber();
            judge.rejectAll("file rejected: line " + firstBad + " has errors and the policy rejects whole files", firstBad);
        }
        batches.finish(batchId, judge.lines(), rejectFile);
        List<Long> ids = rejectFile ? List.of() : recordedIds;
        int rows = judge.lines().size();
        log.info("Batch {} ({}): {} rows, {} accepted, {} refused; read and recorded in {} ms, finished in {} ms", fileName,
                batchId.substring(0, 12), rows, ids.size(), rows - ids.size(), (readAt - started) / 1_000_000,
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

    private Outcome duplicateFile(String fileName, byte[] content, String ackName, Batch seen) {
        log.warn("File {} has the same content as {} received {}; not processed again", fileName, seen.fileName(),
                seen.receivedAt());
        String reason = "file already processed: same content as " + seen.fileName() + " received " + seen.receivedAt();
        List<BatchLine> lines = new ArrayList<>();
        read(fileName, content, rows -> rows.forEach(row ->
                lines.add(new BatchLine(row.lineNumber(), BatchJudge.paymentId(row), "DUPLICATE", reason))));
        if (lines.isEmpty()) {
            lines.add(new BatchLine(1, null, "DUPLICATE", reason));
        }
        return new Outcome(null, ackName, ack(lines), List.of(), "failed", lines.size(), 0);
    }

    /** Streams the file's rows to {@code rows}; answers a file-level problem, or null. */
    private String read(String fileName, byte[] content, Consumer<List<ParsedFile.Row>> rows) {
        if (format(fileName).equals("ABA")) {
            ParsedFile parsed = abaReader().read(new String(content, StandardCharsets.ISO_8859_1));
            rows.accept(parsed.rows());
            return parsed.fileProblem();
        }
        return csvReader().read(new String(content, StandardCharsets.UTF_8), rows);
    }

    private static String format(String fileName) {
        return fileName.toLowerCase().endsWith(".aba") ? "ABA" : "CSV";
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

    private CsvPayoutReader csvReader() {
        if (csv == null) {
            csv = new CsvPayoutReader(camel);
        }
        return csv;
    }

    private AbaPayoutReader abaReader() {
        if (aba == null) {
            aba = new AbaPayoutReader(camel);
        }
        return aba;
    }

    private static int lineOf(String problem) {
        try {
            return Integer.parseInt(problem.replaceFirst("^line (\\d+):.*", "$1"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
