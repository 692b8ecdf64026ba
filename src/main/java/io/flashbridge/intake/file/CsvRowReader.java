package io.flashbridge.intake.file;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import io.flashbridge.instruction.FxPaymentColumns;
import io.flashbridge.instruction.FxPaymentFields;
import io.flashbridge.instruction.PayoutFields;
import io.flashbridge.instruction.RowFields;
import io.flashbridge.instruction.ShownValue;

/**
 * Reads a CSV of payouts or FX payments line by line: a header row naming the columns of its
 * {@link Layout} (trailing optional ones may be left out), then one payment per line, fields separated by commas, a field in double
 * quotes may hold commas and doubled quotes. Blank lines are skipped; line numbers are physical
 * lines. Rows are handed on {@value ParsedFile#CHUNK} at a time, so a large file never sits in memory. A line
 * that cannot be read (wrong number of columns, an unclosed quote, too long) becomes a row with its
 * reason; the other lines still flow.
 */
final class CsvRowReader {

    static final String[] HEADER = {"payment_id", "amount", "currency", "bsb", "account_number", "account_name", "payid",
            "payid_type", "reference", "remitter_name", "reason", "email"};

    /**
     * The columns of one kind of file: all of {@code header}, of which the first {@code required}
     * must be in the file's header; {@code fields} turns a row's values (by header position, absent
     * trailing ones null) into its fields; {@code leftOut} says which columns may be left out.
     */
    record Layout(List<String> header, int required, Function<String[], RowFields> fields, String leftOut) {

        static final Layout PAYOUTS = new Layout(List.of(HEADER), 10, values -> new PayoutFields(values[0], values[1],
                values[2], values[3], values[4], values[5], values[6], values[7], values[8], values[9], values[10], values[11]),
                "reason and email may be left out");

        static final Layout FX_PAYMENTS = new Layout(FxPaymentColumns.HEADER, FxPaymentColumns.HEADER.size(), values -> {
            Map<String, String> byColumn = new HashMap<>();
            for (int i = 0; i < values.length; i++) {
                byColumn.put(FxPaymentColumns.HEADER.get(i), values[i]);
            }
            return new FxPaymentFields(byColumn);
        }, "every column must be there, even when empty");
    }

    private final int maxLineLength;
    private final Layout layout;

    CsvRowReader(int maxLineLength) {
        this(maxLineLength, Layout.PAYOUTS);
    }

    CsvRowReader(int maxLineLength, Layout layout) {
        this.maxLineLength = maxLineLength;
        this.layout = layout;
    }

    /** Whole-text reading, for small files and tests. */
    ParsedFile read(String text) {
        List<ParsedFile.Row> rows = new ArrayList<>();
        String problem;
        try {
            problem = read(new LineSource(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text), maxLineLength),
                    rows::addAll);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ParsedFile("CSV", problem == null ? rows : List.of(), problem);
    }

    /** Hands rows to {@code chunks} in file order; answers a file-level problem, or null. */
    String read(LineSource lines, Consumer<List<ParsedFile.Row>> chunks) throws IOException {
        LineSource.Line header = lines.next();
        if (header == null) {
            return "line 1: the file is empty";
        }
        String headerProblem = header.tooLong()
                ? "line 1: the header is " + header.length() + " characters long; it must name the columns " + String.join(",", layout.header())
                : headerProblem(header.text());
        if (headerProblem != null) {
            return headerProblem;
        }
        int columns = split(header.text()).size();
        ParsedFile.Chunks rows = new ParsedFile.Chunks(chunks);
        for (LineSource.Line line = lines.next(); line != null; line = lines.next()) {
            if (!line.tooLong() && line.text().isBlank()) {
                continue;
            }
            rows.add(row(line, columns));
        }
        rows.flush();
        return rows.anyRow() ? null : "line 2: the file has a header but no rows";
    }

    private ParsedFile.Row row(LineSource.Line line, int columns) {
        if (line.tooLong()) {
            return new ParsedFile.Row(line.number(), null, "the row is " + line.length() + " characters long; at most "
                    + maxLineLength);
        }
        List<String> fields = split(line.text());
        if (fields == null) {
            return new ParsedFile.Row(line.number(), null, "a quoted field is not closed, or text follows its closing quote");
        }
        if (fields.size() != columns) {
            return new ParsedFile.Row(line.number(), null, "the row has " + fields.size() + " columns; the header has " + columns);
        }
        String[] values = new String[layout.header().size()];
        for (int i = 0; i < fields.size(); i++) {
            values[i] = fields.get(i).trim();
        }
        return new ParsedFile.Row(line.number(), layout.fields().apply(values), null);
    }

    /** The fields of one line, or null when its quotes are broken. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>(24);
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            field.setLength(0);
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        return null;
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                while (i < line.length() && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    return null;
                }
                fields.add(field.toString());
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? line.length() : comma;
                fields.add(line.substring(i, end));
                i = end;
            }
            if (i >= line.length()) {
                return fields;
            }
            i++;
        }
    }

    private String headerProblem(String header) {
        String text = header.startsWith("\uFEFF") ? header.substring(1) : header;
        List<String> split = split(text);
        List<String> found = split == null ? List.of(text) : split.stream().map(column -> column.trim().toLowerCase()).toList();
        List<String> expected = layout.header();
        boolean matches = found.size() >= layout.required() && found.size() <= expected.size()
                && found.equals(expected.subList(0, found.size()));
        if (matches) {
            return null;
        }
        String shown = String.join(",", found);
        return "line 1: the header must be " + String.join(",", expected) + " (" + layout.leftOut() + "); found "
                + ShownValue.of(shown);
    }
}
