package io.flashbridge.intake.file;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.flashbridge.instruction.PayoutFields;
import io.flashbridge.instruction.Sha256;
import io.flashbridge.instruction.ShownValue;
import org.apache.camel.CamelContext;
import org.apache.camel.dataformat.bindy.fixed.BindyFixedLengthDataFormat;

/**
 * Reads an ABA (Cemtex) Direct Entry file: 120-character records, type 0 opens a batch, 1 is a
 * detail, 7 closes the batch with totals; several batches per file, CRLF or LF, with or without
 * a final line break, short lines padded. Totals and counts must match the details or the whole
 * file is refused. Debits (code 13) are rows that get rejected.
 *
 * <p>A detail's payment id is {@code ABA-} + 16 hex digits of SHA-256 over the batch's user id,
 * user name, description and processing date, the detail's BSB, account, amount, title and
 * lodgement reference, and how many identical details came before it in the file. A re-sent file
 * therefore yields the same ids (its rows are duplicates), and a corrected file keeps the ids of
 * its unchanged rows, so correcting one row never pays the others twice.
 */
final class AbaPayoutReader {

    private static final int RECORD_LENGTH = 120;

    private final BindyReader descriptive;
    private final BindyReader detail;
    private final BindyReader total;

    AbaPayoutReader(CamelContext camel) {
        this.descriptive = new BindyReader(camel, new BindyFixedLengthDataFormat(AbaDescriptiveRecord.class));
        this.detail = new BindyReader(camel, new BindyFixedLengthDataFormat(AbaDetailRecord.class));
        this.total = new BindyReader(camel, new BindyFixedLengthDataFormat(AbaTotalRecord.class));
    }

    /** Whole-text reading, for tests. */
    ParsedFile read(String text) {
        List<ParsedFile.Row> rows = new ArrayList<>();
        try {
            String problem = read(new LineSource(new StringReader(text), RECORD_LENGTH), rows::addAll);
            return new ParsedFile("ABA", rows, problem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads every record and hands the rows to {@code chunks} in file order, never the whole file at
     * once; a record that is wrong becomes a row with its reason. Answers the problem that refuses the
     * whole file (a wrong record, totals that do not add up), or null.
     */
    String read(LineSource lines, Consumer<List<ParsedFile.Row>> chunks) throws IOException {
        ParsedFile.Chunks rows = new ParsedFile.Chunks(chunks);
        Occurrences occurrences = new Occurrences();
        AbaDescriptiveRecord batch = null;
        BatchTotals totals = null;
        String problem = null;
        int lastLine = 0;
        for (LineSource.Line line = lines.next(); line != null; line = lines.next()) {
            int lineNumber = line.number();
            String lineProblem = null;
            if (line.tooLong() || line.text().length() > RECORD_LENGTH) {
                lineProblem = "record is " + line.length() + " characters; ABA records are 120";
            } else if (line.text().isBlank()) {
                continue;
            }
            lastLine = lineNumber;
            if (lineProblem == null) {
                String record = String.format("%-120s", line.text());
                try {
                    switch (record.charAt(0)) {
                        case '0' -> {
                            if (batch != null) {
                                lineProblem = "descriptive record (0) before the total record (7) of the batch opened earlier";
                            }
                            batch = (AbaDescriptiveRecord) descriptive.read(record).get(0);
                            totals = new BatchTotals();
                        }
                        case '1' -> {
                            if (batch == null) {
                                lineProblem = "detail record (1) outside a batch: the file must start with a descriptive record (0)";
                            } else {
                                rows.add(row(batch, (AbaDetailRecord) detail.read(record).get(0), lineNumber, totals, occurrences));
                            }
                        }
                        case '7' -> {
                            if (batch == null) {
                                lineProblem = "total record (7) without a descriptive record (0)";
                            } else {
                                lineProblem = totals.check((AbaTotalRecord) total.read(record).get(0));
                                batch = null;
                            }
                        }
                        default -> lineProblem = "record type '" + ShownValue.of(record.substring(0, 1)) + "' is not 0, 1 or 7";
                    }
                } catch (Exception e) {
                    lineProblem = "the record cannot be read as ABA type " + ShownValue.of(record.substring(0, 1));
                }
            }
            if (lineProblem != null) {
                rows.add(new ParsedFile.Row(lineNumber, null, lineProblem));
                problem = firstProblem(problem, "line " + lineNumber + ": " + lineProblem);
            }
        }
        rows.flush();
        if (batch != null) {
            problem = firstProblem(problem, "line " + lastLine + ": the last batch has no total record (7)");
        }
        if (!rows.anyRow() && problem == null) {
            problem = "line 1: the file has no detail records (1)";
        }
        return problem;
    }

    private static ParsedFile.Row row(AbaDescriptiveRecord batch, AbaDetailRecord d, int lineNumber, BatchTotals totals,
                                      Occurrences occurrences) {
        String code = nullToEmpty(d.transactionCode);
        boolean cents = nullToEmpty(d.amountCents).matches("[0-9]{1,10}");
        long amount = cents ? Long.parseLong(d.amountCents) : 0;
        totals.add(code, amount);
        if (!cents) {
            return new ParsedFile.Row(lineNumber, null, "amount \"" + ShownValue.of(d.amountCents) + "\" must be 10 digits of cents");
        }
        if (code.equals("13")) {
            return new ParsedFile.Row(lineNumber, null, "transaction code 13 is a debit; only credits (50-57) are paid out");
        }
        if (!code.matches("5[0-7]")) {
            return new ParsedFile.Row(lineNumber, null, "transaction code \"" + ShownValue.of(code) + "\" is not a credit (50-57)");
        }
        String identity = String.join("|", nullToEmpty(batch.userId), nullToEmpty(batch.userName), nullToEmpty(batch.description),
                nullToEmpty(batch.processingDate), nullToEmpty(d.bsb), nullToEmpty(d.accountNumber), d.amountCents,
                nullToEmpty(d.accountTitle), nullToEmpty(d.lodgementReference));
        int occurrence = occurrences.count(identity);
        String paymentId = "ABA-" + Sha256.hex(identity + "|" + occurrence).substring(0, 16);
        String dollars = BigDecimal.valueOf(amount, 2).toPlainString();
        return new ParsedFile.Row(lineNumber, new PayoutFields(paymentId, dollars, "AUD", d.bsb, d.accountNumber,
                d.accountTitle, null, null, d.lodgementReference, d.remitterName, null, null), null);
    }

    /** Running totals of one batch, checked against its type 7 record. */
    private static final class BatchTotals {
        long credits;
        long debits;
        int details;

        void add(String code, long cents) {
            details++;
            if (code.equals("13")) {
                debits += cents;
            } else {
                credits += cents;
            }
        }

        String check(AbaTotalRecord t) {
            long net = Math.abs(credits - debits);
            String mismatch = mismatch("net total", t.netTotal, net);
            if (mismatch == null) {
                mismatch = mismatch("credit total", t.creditTotal, credits);
            }
            if (mismatch == null) {
                mismatch = mismatch("debit total", t.debitTotal, debits);
            }
            if (mismatch == null && !String.valueOf(details).equals(stripZeros(t.count))) {
                mismatch = "record count " + ShownValue.of(t.count) + " does not match the " + details
                        + " detail records of the batch";
            }
            return mismatch;
        }

        private static String mismatch(String what, String field, long expected) {
            if (field == null || !field.matches("[0-9]{1,10}")) {
                return what + " \"" + ShownValue.of(field) + "\" must be 10 digits of cents";
            }
            if (Long.parseLong(field) != expected) {
                return what + " " + BigDecimal.valueOf(Long.parseLong(field), 2).toPlainString()
                        + " does not match the detail records (" + BigDecimal.valueOf(expected, 2).toPlainString() + ")";
            }
            return null;
        }

        private static String stripZeros(String count) {
            String digits = count == null ? "" : count.replaceFirst("^0+(?=.)", "");
            return digits;
        }
    }

    private static String firstProblem(String existing, String candidate) {
        return existing != null ? existing : candidate;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
