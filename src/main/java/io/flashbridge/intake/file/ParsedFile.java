package io.flashbridge.intake.file;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.flashbridge.instruction.PayoutFields;
import io.flashbridge.instruction.RowFields;

/**
 * What an input file holds before validation: its rows with their physical line numbers, or the
 * reason the whole file is refused (a bad header, ABA totals that do not add up).
 */
record ParsedFile(String format, List<Row> rows, String fileProblem) {

    /**
     * Readers hand rows on this many at a time, and each chunk is one ledger transaction. At
     * commit H2 serialises the changed pages into one write buffer and keeps it for the next commit
     * only up to 4 MB; a 5,000-row chunk outgrew that, so every commit allocated megabyte arrays
     * anew (G1 humongous objects: ≈ 400 MB and a concurrent cycle after cycle per 100,000 rows in a
     * 256 MB heap). 1,000 rows stay under it.
     */
    static final int CHUNK = 1_000;

    /** Collects a reader's rows and hands them on {@value #CHUNK} at a time, so no file sits in memory whole. */
    static final class Chunks {

        private final Consumer<List<Row>> next;
        private List<Row> pending = new ArrayList<>(CHUNK);
        private boolean any;

        Chunks(Consumer<List<Row>> next) {
            this.next = next;
        }

        void add(Row row) {
            pending.add(row);
            any = true;
            if (pending.size() == CHUNK) {
                flush();
            }
        }

        /** Whether any row was added, read or not (flushed or still pending). */
        boolean anyRow() {
            return any;
        }

        /** Hands on what is pending: call once the file is read. */
        void flush() {
            if (!pending.isEmpty()) {
                next.accept(pending);
                pending = new ArrayList<>(CHUNK);
            }
        }
    }

    /** A row: its fields (payout or FX payment), or why it could not be read at all. */
    record Row(int lineNumber, RowFields fields, String unreadable) {

        /** The fields of a payout row (files in outbox/payouts). */
        PayoutFields payout() {
            return (PayoutFields) fields;
        }
    }
}
