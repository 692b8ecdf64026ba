package io.flashbridge.intake.file;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flashbridge.instruction.ShownValue;
import io.flashbridge.instruction.Validation;
import io.flashbridge.ledger.Batch;
import io.flashbridge.ledger.BatchLine;
import io.flashbridge.ledger.BatchStore;
import io.flashbridge.ledger.InstructionStore;

/**
 * Decides every row of one file as it streams past, a chunk at a time: {@code ACCEPTED},
 * {@code REJECTED} with the line and reasons, or {@code DUPLICATE} (earlier in this file, or
 * already in the ledger: the ledger's unique index tells, when the chunk is recorded). Each
 * chunk's rows go to the ledger and to the ack rows; nothing per row stays in memory.
 */
final class BatchJudge {

    private final String source;
    private final Batch batch;
    private final BatchStore batches;
    private final ObjectMapper json;
    private final AckRows ack;

    BatchJudge(String source, Batch batch, BatchStore batches, ObjectMapper json, AckRows ack) {
        this.source = source;
        this.batch = batch;
        this.batches = batches;
        this.json = json;
        this.ack = ack;
    }

    void judge(List<ParsedFile.Row> rows) {
        BatchLine[] lines = new BatchLine[rows.size()];
        List<InstructionStore.NewInstruction> accepted = new ArrayList<>(rows.size());
        List<Integer> acceptedAt = new ArrayList<>(rows.size());
        List<BatchLine> refused = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ParsedFile.Row row = rows.get(i);
            int line = row.lineNumber();
            Validation result = row.unreadable() == null ? Validation.of(source, row.fields()) : null;
            if (result == null) {
                lines[i] = new BatchLine(line, null, "REJECTED", "line " + line + ": " + row.unreadable());
            } else if (!result.accepted()) {
                lines[i] = new BatchLine(line, paymentId(row), "REJECTED", "line " + line + ": "
                        + String.join("; ", result.problems().stream().map(Object::toString).toList()));
            } else {
                lines[i] = new BatchLine(line, result.paymentId(), "ACCEPTED", String.join("; ", result.warnings()));
                accepted.add(new InstructionStore.NewInstruction(source, result.paymentId(), line, result.kind(), result.amount(),
                        result.currency(), payload(result.instruction()), result.idempotencyKey()));
                acceptedAt.add(i);
            }
            if (lines[i].outcome().equals("REJECTED")) {
                refused.add(lines[i]);
            }
        }
        List<InstructionStore.Holder> holders = batches.add(batch, accepted, refused);
        List<BatchLine> duplicates = new ArrayList<>();
        for (int k = 0; k < holders.size(); k++) {
            InstructionStore.Holder holder = holders.get(k);
            if (holder != null) {
                int i = acceptedAt.get(k);
                lines[i] = duplicate(lines[i], holder);
                duplicates.add(lines[i]);
            }
        }
        batches.addRefused(batch.id(), duplicates);
        ack.addAll(List.of(lines));
    }

    private BatchLine duplicate(BatchLine line, InstructionStore.Holder holder) {
        String id = line.paymentId();
        String reason = batch.id().equals(holder.batchId())
                ? "payment_id " + id + " is already on line " + holder.lineNumber()
                : "payment_id " + id + " was received before" + (holder.batchId() == null ? "" : " (batch "
                + holder.batchId().substring(0, 12) + ")") + "; not paid again";
        return new BatchLine(line.lineNumber(), id, "DUPLICATE", "line " + line.lineNumber() + ": " + reason);
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
