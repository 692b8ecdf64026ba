package io.flashbridge.intake.file;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.dataformat.bindy.csv.BindyCsvDataFormat;

/**
 * Reads a payout CSV: UTF-8 with or without BOM, CRLF or LF, a header row naming the columns of
 * {@link PayoutCsvRow}, quoted fields. Blank lines are skipped; line numbers are physical lines.
 * Rows go through Bindy {@value #CHUNK} lines at a time and are handed on chunk by chunk, so a
 * 100,000-row file never sits in memory as records; if Bindy fails on a chunk, each of its lines
 * is read on its own so one broken line is rejected and the rest still flow.
 */
final class CsvPayoutReader {

    static final int CHUNK = 5_000;
    private static final int REQUIRED_COLUMNS = 10;

    private final BindyReader bindy;

    CsvPayoutReader(CamelContext camel) {
        this.bindy = new BindyReader(camel, new BindyCsvDataFormat(PayoutCsvRow.class));
    }

    /** Whole-file reading, for small files and tests. */
    ParsedFile read(String text) {
        List<ParsedFile.Row> rows = new ArrayList<>();
        String problem = read(text, rows::addAll);
        return new ParsedFile("CSV", problem == null ? rows : List.of(), problem);
    }

    /** Hands rows to {@code chunks} in file order; answers a file-level problem, or null. */
    String read(String text, Consumer<List<ParsedFile.Row>> chunks) {
        int offset = text.startsWith("\uFEFF") ? 1 : 0;
        int headerEnd = lineEnd(text, offset);
        String header = text.substring(offset, headerEnd);
        String headerProblem = headerProblem(header);
        if (headerProblem != null) {
            return headerProblem;
        }
        List<int[]> pending = new ArrayList<>(CHUNK);
        int lineNumber = 1;
        int start = next(text, headerEnd);
        boolean any = false;
        while (start < text.length()) {
            lineNumber++;
            int end = lineEnd(text, start);
            if (!text.substring(start, end).isBlank()) {
                pending.add(new int[] {lineNumber, start, end});
                any = true;
            }
            if (pending.size() == CHUNK) {
                chunks.accept(parseChunk(text, header, pending));
                pending = new ArrayList<>(CHUNK);
            }
            start = next(text, end);
        }
        if (!pending.isEmpty()) {
            chunks.accept(parseChunk(text, header, pending));
        }
        return any ? null : "line 2: the file has a header but no rows";
    }

    private List<ParsedFile.Row> parseChunk(String text, String header, List<int[]> lines) {
        int from = lines.get(0)[1];
        int to = lines.get(lines.size() - 1)[2];
        try {
            List<?> records = bindy.read(header + "\n" + text.substring(from, to));
            if (records.size() == lines.size()) {
                List<ParsedFile.Row> rows = new ArrayList<>(records.size());
                for (int i = 0; i < records.size(); i++) {
                    rows.add(new ParsedFile.Row(lines.get(i)[0], ((PayoutCsvRow) records.get(i)).fields(), null));
                }
                return rows;
            }
        } catch (Exception chunkFailed) {
            // fall through: find the lines Bindy cannot read
        }
        List<ParsedFile.Row> rows = new ArrayList<>(lines.size());
        for (int[] line : lines) {
            rows.add(readOne(header, text.substring(line[1], line[2]), line[0]));
        }
        return rows;
    }

    private ParsedFile.Row readOne(String header, String line, int lineNumber) {
        try {
            List<?> records = bindy.read(header + "\n" + line);
            if (records.size() == 1) {
                return new ParsedFile.Row(lineNumber, ((PayoutCsvRow) records.get(0)).fields(), null);
            }
            return new ParsedFile.Row(lineNumber, null, "cannot read the row as CSV");
        } catch (Exception e) {
            return new ParsedFile.Row(lineNumber, null, "cannot read the row as CSV: " + firstLine(e.getMessage()));
        }
    }

    /** End of the line starting at {@code start}, before its CR LF or LF. */
    private static int lineEnd(String text, int start) {
        int newline = text.indexOf('\n', start);
        int end = newline < 0 ? text.length() : newline;
        return end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
    }

    /** Start of the line after the one ending at {@code end}. */
    private static int next(String text, int end) {
        int newline = text.indexOf('\n', end);
        return newline < 0 ? text.length() : newline + 1;
    }

    private static String headerProblem(String header) {
        List<String> found = Arrays.stream(header.split(",", -1))
                .map(column -> column.trim().replace("\"", "").toLowerCase())
                .toList();
        List<String> expected = Arrays.asList(PayoutCsvRow.HEADER);
        boolean matches = found.size() >= REQUIRED_COLUMNS && found.size() <= expected.size()
                && found.equals(expected.subList(0, found.size()));
        return matches ? null : "line 1: the header must be " + String.join(",", expected)
                + " (reason and email may be left out); found " + String.join(",", found);
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
    }
}
