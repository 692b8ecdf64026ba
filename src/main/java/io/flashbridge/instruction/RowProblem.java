package io.flashbridge.instruction;

/** Why a row cannot be paid: the field, and a reason a person can act on. */
public record RowProblem(String field, String reason) {

    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
