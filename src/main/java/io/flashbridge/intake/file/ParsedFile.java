package io.flashbridge.intake.file;

import java.util.List;

import io.flashbridge.instruction.PayoutFields;
import io.flashbridge.instruction.RowFields;

/**
 * What an input file holds before validation: its rows with their physical line numbers, or the
 * reason the whole file is refused (a bad header, ABA totals that do not add up).
 */
record ParsedFile(String format, List<Row> rows, String fileProblem) {

    /** A row: its fields (payout or FX payment), or why it could not be read at all. */
    record Row(int lineNumber, RowFields fields, String unreadable) {

        /** The fields of a payout row (files in outbox/payouts). */
        PayoutFields payout() {
            return (PayoutFields) fields;
        }
    }
}
