package io.flashbridge.intake.file;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flashbridge.instruction.Validation;
import io.flashbridge.instruction.ShownValue;
import io.flashbridge.ledger.BatchLine;
import io.flashbridge.ledger.InstructionStore;

/**
 * Decides every row of one file as it streams past: {@code ACCEPTED}, {@code REJECTED} with the
 * line and reasons, or {@code DUPLICATE} (earlier in this file, or already in the ledger). Keeps
 * one small line record per row for the acknowledgement; accepted instructions are handed back
 * chunk by chunk for the ledger.
 */
final class BatchJudge {

    private final String source;
    private final InstructionStore instructions;
    private final ObjectMapper json;
    private final Map<String, Integer> firstLineOfId = new HashMap<>();
    private final List<BatchLine> lines = new ArrayList<>();

    BatchJudge(String source, InstructionStore instructions, ObjectMapper json) {
        this.source = source;
        this.instructions = instructions;
        this.json = json;
    }

    List<InstructionStore.NewInstruction> judge(List<ParsedFile.Row> rows) {
        List<Validation> results = new ArrayList<>(rows.size());
        List<String> ids = new ArrayList<>(rows.size());
        for (ParsedFile.Row row : rows) {
            Validation result = row.unreadable() == null ? Validation.of(source, row.fields()) : null;
            results.add(result);
            if (result != null && result.accepted()) {
                ids.add(result.paymentId());
            }
        }
        Map<String, String> inLedger = ids.isEmpty() ? Map.of() : instructions.existing(source, ids);
        List<InstructionStore.NewInstruction> accepted = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ParsedFile.Row row = rows.get(i);
            Validation result = results.get(i);
            int line = row.lineNumber();
            if (result == null) {
                lines.add(new BatchLine(line, null, "REJECTED", "line " + line + ": " + row.unreadable()));
            } else if (!result.accepted()) {
                lines.add(new BatchLine(line, paymentId(row), "REJECTED", "line " + line + ": "
                        + String.join("; ", result.problems().stream().map(Object::toString).toList())));
            } else {
                String id = result.paymentId();
                Integer earlier = firstLineOfId.putIfAbsent(id, line);
                if (earlier != null) {
                    lines.add(new BatchLine(line, id, "DUPLICATE", "line " + line + ": payment_id " + id + " is already on line " + earlier));
                } else if (inLedger.containsKey(id)) {
                    lines.add(new BatchLine(line, id, "DUPLICATE", "line " + line + ": payment_id " + id
                            + " was received before (batch " + inLedger.get(id).substring(0, 12) + "); not paid again"));
                } else {
                    lines.add(new BatchLine(line, id, "ACCEPTED", String.join("; ", result.warnings())));
                    accepted.add(new InstructionStore.NewInstruction(source, id, line, result.kind(), result.amount(),
                            result.currency(), payload(result.instruction()), result.idempotencyKey()));
                }
            }
        }
        return accepted;
    }

    boolean anyRejected() {
        return lines.stream().anyMatch(line -> line.outcome().equals("REJECTED"));
    }

    /**
     * The whole file is refused: every row becomes REJECTED with {@code reason}, and the line of the
     * problem gets a row too. When no row could be read at all (a bad header), each of the file's
     * {@code fileLines} gets one.
     */
    void rejectAll(String reason, int lineOfProblem, int fileLines) {
        // Rows rejected on their own keep their reason; the others say why they were not paid.
        lines.replaceAll(line -> line.outcome().equals("REJECTED")
                ? line
                : new BatchLine(line.lineNumber(), line.paymentId(), "REJECTED", reason));
        java.util.Set<Integer> listed = new java.util.HashSet<>();
        lines.forEach(line -> listed.add(line.lineNumber()));
        if (listed.add(lineOfProblem)) {
            lines.add(new BatchLine(lineOfProblem, null, "REJECTED", reason));
        }
        if (listed.size() == 1) {
            for (int line = 1; line <= fileLines; line++) {
                if (listed.add(line)) {
                    lines.add(new BatchLine(line, null, "REJECTED", reason));
                }
            }
        }
        lines.sort(java.util.Comparator.comparingInt(BatchLine::lineNumber));
    }

    List<BatchLine> lines() {
        return lines;
    }

    /** The row's payment id as the ack echoes it: shortened, control characters spelled out. */
    static String paymentId(ParsedFile.Row row) {
        return row.fields() == null || row.fields().paymentId() == null ? null : ShownValue.of(row.fields().paymentId().trim());
    }

    private String payload(Object instruction) {
        try {
            return json.writeValueAsString(instruction);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
