package io.flashbridge.intake.file;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.flashbridge.instruction.PayoutFields;
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

    ParsedFile read(String text) {
        String[] lines = text.split("\r?\n", -1);
        int count = lines.length;
        while (count > 0 && lines[count - 1].isBlank()) {
            count--;
        }
        List<ParsedFile.Row> rows = new ArrayList<>();
        Map<String, Integer> occurrences = new HashMap<>();
        AbaDescriptiveRecord batch = null;
        BatchTotals totals = null;
        String problem = null;
        for (int i = 0; i < count; i++) {
            int lineNumber = i + 1;
            String line = lines[i];
            if (line.length() > RECORD_LENGTH) {
                problem = firstProblem(problem, "line " + lineNumber + ": record is " + line.length() + " characters; ABA records are 120");
                continue;
            }
            String record = String.format("%-120s", line);
            try {
                switch (record.charAt(0)) {
                    case '0' -> {
                        if (batch != null) {
                            problem = firstProblem(problem, "line " + lineNumber + ": descriptive record (0) before the total record (7) of the batch opened earlier");
                        }
                        batch = (AbaDescriptiveRecord) descriptive.read(record).get(0);
                        totals = new BatchTotals();
                    }
                    case '1' -> {
                        if (batch == null) {
                            problem = firstProblem(problem, "line " + lineNumber + ": detail record (1) outside a batch: the file must start with a descriptive record (0)");
                            continue;
                        }
                        AbaDetailRecord d = (AbaDetailRecord) detail.read(record).get(0);
                        rows.add(row(batch, d, lineNumber, totals, occurrences));
                    }
                    case '7' -> {
                        if (batch == null) {
                            problem = firstProblem(problem, "line " + lineNumber + ": total record (7) without a descriptive record (0)");
                            continue;
                        }
                        problem = firstProblem(problem, totals.check((AbaTotalRecord) total.read(record).get(0), lineNumber));
                        batch = null;
                    }
                    default -> problem = firstProblem(problem, "line " + lineNumber + ": record type '" + record.charAt(0)
                            + "' is not 0, 1 or 7");
                }
            } catch (Exception e) {
                problem = firstProblem(problem, "line " + lineNumber + ": cannot read the record: " + e.getMessage());
            }
        }
        if (batch != null) {
            problem = firstProblem(problem, "line " + count + ": the last batch has no total record (7)");
        }
        if (rows.isEmpty() && problem == null) {
            problem = "line 1: the file has no detail records (1)";
        }
        return new ParsedFile("ABA", rows, problem);
    }

    private static ParsedFile.Row row(AbaDescriptiveRecord batch, AbaDetailRecord d, int lineNumber, BatchTotals totals,
                                      Map<String, Integer> occurrences) {
        String code = nullToEmpty(d.transactionCode);
        boolean cents = nullToEmpty(d.amountCents).matches("[0-9]{1,10}");
        long amount = cents ? Long.parseLong(d.amountCents) : 0;
        totals.add(code, amount);
        if (!cents) {
            return new ParsedFile.Row(lineNumber, null, "amount \"" + d.amountCents + "\" must be 10 digits of cents");
        }
        if (code.equals("13")) {
            return new ParsedFile.Row(lineNumber, null, "transaction code 13 is a debit; only credits (50-57) are paid out");
        }
        if (!code.matches("5[0-7]")) {
            return new ParsedFile.Row(lineNumber, null, "transaction code \"" + code + "\" is not a credit (50-57)");
        }
        String identity = String.join("|", nullToEmpty(batch.userId), nullToEmpty(batch.userName), nullToEmpty(batch.description),
                nullToEmpty(batch.processingDate), nullToEmpty(d.bsb), nullToEmpty(d.accountNumber), d.amountCents,
                nullToEmpty(d.accountTitle), nullToEmpty(d.lodgementReference));
        int occurrence = occurrences.merge(identity, 1, Integer::sum);
        String paymentId = "ABA-" + sha256(identity + "|" + occurrence).substring(0, 16);
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

        String check(AbaTotalRecord t, int lineNumber) {
            long net = Math.abs(credits - debits);
            String mismatch = mismatch("net total", t.netTotal, net, lineNumber);
            if (mismatch == null) {
                mismatch = mismatch("credit total", t.creditTotal, credits, lineNumber);
            }
            if (mismatch == null) {
                mismatch = mismatch("debit total", t.debitTotal, debits, lineNumber);
            }
            if (mismatch == null && !String.valueOf(details).equals(stripZeros(t.count))) {
                mismatch = "line " + lineNumber + ": record count " + t.count + " does not match the " + details
                        + " detail records of the batch";
            }
            return mismatch;
        }

        private static String mismatch(String what, String field, long expected, int lineNumber) {
            if (field == null || !field.matches("[0-9]{1,10}")) {
                return "line " + lineNumber + ": " + what + " \"" + field + "\" must be 10 digits of cents";
            }
            if (Long.parseLong(field) != expected) {
                return "line " + lineNumber + ": " + what + " " + BigDecimal.valueOf(Long.parseLong(field), 2).toPlainString()
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

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
