package io.flashbridge.intake.file;

import java.util.List;

import io.flashbridge.instruction.PayoutFields;

/**
 * What a payout file holds before validation: its rows with their physical line numbers, or the
 * reason the whole file is refused (a bad header, ABA totals that do not add up).
 */
record ParsedFile(String format, List<Row> rows, String fileProblem) {

    /** A row: its fields, or why it could not be read at all. */
    record Row(int lineNumber, PayoutFields fields, String unreadable) {}
}
