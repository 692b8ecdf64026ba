package io.flashbridge.intake.file;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.HexFormat;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flashbridge.instruction.PaymentInstruction;
import io.flashbridge.instruction.PayoutValidator;
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
 * Takes one payout file: reads it, validates every row, records the batch, its lines and the
 * accepted instructions in the ledger in one transaction, and answers the acknowledgement file.
 * A file whose bytes were seen before (any name) is answered as a duplicate and changes nothing.
 */
@Component("payoutFileIntake")
public class PayoutFileIntake {

    private static final Logger log = LoggerFactory.getLogger(PayoutFileIntake.class);
    static final List<String> ACK_HEADER = List.of("line_number", "payment_id", "status", "reason");

    /**
     * What the route does next: write {@code ackContent} as {@code ackFileName}, queue
     * {@code acceptedIds}, archive the input under {@code archive} ({@code done} or {@code failed}).
     */
    public record Outcome(String ackFileName, String ackContent, List<Long> acceptedIds, String archive, int rows,
                          int accepted) {}

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
        String batchId = sha256(content);
        String ackName = CsvText.baseName(fileName) + ".ack.csv";
        ParsedFile parsed = parse(fileName, content);
        Optional<Batch> seen = batches.find(batchId);
        if (seen.isPresent()) {
            log.warn("File {} has the same content as {} received {}; not processed again", fileName, seen.get().fileName(),
                    seen.get().receivedAt());
            String reason = "file already processed: same content as " + seen.get().fileName() + " received "
                    + seen.get().receivedAt();
            List<BatchLine> lines = parsed.rows().isEmpty()
                    ? List.of(new BatchLine(1, null, "DUPLICATE", reason))
                    : parsed.rows().stream().map(row -> new BatchLine(row.lineNumber(), paymentId(row), "DUPLICATE", reason)).toList();
            return new Outcome(ackName, ack(lines), List.of(), "failed", lines.size(), 0);
        }
        Instant now = clock.instant();
        List<BatchLine> lines = new ArrayList<>();
        List<InstructionStore.NewInstruction> accepted = new ArrayList<>();
        judge(parsed, lines, accepted);
        batches.record(new Batch(batchId, properties.source(), fileName, parsed.format(), now), ackName, lines, accepted);
        List<Long> ids = accepted.isEmpty() ? List.of() : instructions.idsOfBatch(batchId);
        log.info("Batch {} ({}): {} rows, {} accepted, {} refused", fileName, batchId.substring(0, 12), lines.size(),
                accepted.size(), lines.size() - accepted.size());
        return new Outcome(ackName, ack(lines), ids, accepted.isEmpty() ? "failed" : "done", lines.size(), accepted.size());
    }

    private void judge(ParsedFile parsed, List<BatchLine> lines, List<InstructionStore.NewInstruction> accepted) {
        if (parsed.fileProblem() != null) {
            String reason = "file rejected: " + parsed.fileProblem();
            if (parsed.rows().isEmpty()) {
                lines.add(new BatchLine(lineOf(parsed.fileProblem()), null, "REJECTED", reason));
            }
            parsed.rows().forEach(row -> lines.add(new BatchLine(row.lineNumber(), paymentId(row), "REJECTED", reason)));
            return;
        }
        Map<String, Integer> firstLineOfId = new HashMap<>();
        Map<String, String> inLedger = instructions.existing(properties.source(),
                parsed.rows().stream().map(PayoutFileIntake::paymentId).filter(id -> id != null && !id.isBlank()).distinct().toList());
        List<PaymentInstruction> valid = new ArrayList<>();
        List<Integer> validLines = new ArrayList<>();
        for (ParsedFile.Row row : parsed.rows()) {
            if (row.unreadable() != null) {
                lines.add(new BatchLine(row.lineNumber(), null, "REJECTED", "line " + row.lineNumber() + ": " + row.unreadable()));
                continue;
            }
            PayoutValidator.Result result = PayoutValidator.validate(properties.source(), row.fields());
            String id = paymentId(row);
            if (!result.accepted()) {
                lines.add(new BatchLine(row.lineNumber(), id, "REJECTED", "line " + row.lineNumber() + ": "
                        + String.join("; ", result.problems().stream().map(Object::toString).toList())));
                continue;
            }
            Integer earlier = firstLineOfId.putIfAbsent(id, row.lineNumber());
            if (earlier != null) {
                lines.add(new BatchLine(row.lineNumber(), id, "DUPLICATE", "line " + row.lineNumber() + ": payment_id "
                        + id + " is already on line " + earlier));
            } else if (inLedger.containsKey(id)) {
                lines.add(new BatchLine(row.lineNumber(), id, "DUPLICATE", "line " + row.lineNumber() + ": payment_id "
                        + id + " was received before (batch " + inLedger.get(id).substring(0, 12) + "); not paid again"));
            } else {
                lines.add(new BatchLine(row.lineNumber(), id, "ACCEPTED", String.join("; ", result.warnings())));
                valid.add(result.instruction());
                validLines.add(row.lineNumber());
            }
        }
        boolean anyRejected = lines.stream().anyMatch(line -> line.outcome().equals("REJECTED"));
        if (anyRejected && properties.policy() == IntakeProperties.Policy.REJECT_FILE) {
            int firstBad = lines.stream().filter(line -> line.outcome().equals("REJECTED")).findFirst().orElseThrow().lineNumber();
            lines.replaceAll(line -> line.outcome().equals("ACCEPTED")
                    ? new BatchLine(line.lineNumber(), line.paymentId(), "REJECTED",
                    "file rejected: line " + firstBad + " has errors and the policy rejects whole files")
                    : line);
            return;
        }
        for (int i = 0; i < valid.size(); i++) {
            PaymentInstruction instruction = valid.get(i);
            accepted.add(new InstructionStore.NewInstruction(instruction.source(), instruction.paymentId(), validLines.get(i),
                    "WITHDRAWAL", instruction.amount(), instruction.currency(), payload(instruction), instruction.idempotencyKey()));
        }
    }

    private ParsedFile parse(String fileName, byte[] content) {
        String lower = fileName.toLowerCase();
        if (lower.endsWith(".aba")) {
            return abaReader().read(new String(content, StandardCharsets.ISO_8859_1));
        }
        return csvReader().read(new String(content, StandardCharsets.UTF_8));
    }

    private String ack(List<BatchLine> lines) {
        StringBuilder ack = new StringBuilder(lines.size() * 48);
        ack.append(CsvText.line(ACK_HEADER));
        for (BatchLine line : lines) {
            ack.append(CsvText.line(List.of(line.lineNumber(), nullToEmpty(line.paymentId()), line.outcome(), nullToEmpty(line.reason()))));
        }
        return ack.toString();
    }

    private String payload(PaymentInstruction instruction) {
        try {
            return json.writeValueAsString(instruction);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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

    private static String paymentId(ParsedFile.Row row) {
        return row.fields() == null || row.fields().paymentId() == null ? null : row.fields().paymentId().trim();
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
