package io.flashbridge.intake.jms;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.flashbridge.instruction.RowProblem;
import io.flashbridge.ledger.Instruction;

/**
 * The one reply every instruction message gets: {@code ACCEPTED} with the bridge's instruction id,
 * {@code REJECTED} with every reason at once, or {@code DUPLICATE} with the instruction's current state.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InstructionReply(String status, String paymentId, Long instructionId, List<RowProblem> reasons,
                               List<String> warnings, Current current) {

    /** Where an instruction stands now, for a duplicate. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Current(String status, String flashId, String rejectCode, String statusMessage, String amount,
                          String currency, String fee) {

        static Current of(Instruction instruction) {
            return new Current(instruction.status().name(), instruction.flashId(), instruction.rejectCode(),
                    instruction.statusMessage(), text(instruction.amount()), instruction.currency(), text(instruction.fee()));
        }

        /** Money as a decimal string, as in the instruction and the status events. */
        private static String text(BigDecimal amount) {
            return amount == null ? null : amount.toPlainString();
        }
    }

    static InstructionReply accepted(String paymentId, long instructionId, List<String> warnings) {
        return new InstructionReply("ACCEPTED", paymentId, instructionId, null, warnings.isEmpty() ? null : warnings, null);
    }

    static InstructionReply rejected(String paymentId, List<RowProblem> reasons) {
        return new InstructionReply("REJECTED", paymentId, null, reasons, null, null);
    }

    static InstructionReply duplicate(Instruction instruction) {
        return new InstructionReply("DUPLICATE", instruction.paymentId(), instruction.id(),
                List.of(new RowProblem("payment_id", instruction.paymentId() + " was received before; not paid again")), null,
                Current.of(instruction));
    }
}
