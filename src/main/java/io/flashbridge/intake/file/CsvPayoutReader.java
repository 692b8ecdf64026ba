package io.flashbridge.intake.file;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.dataformat.bindy.csv.BindyCsvDataFormat;

/**
 * Reads a payout CSV: UTF-8 with or without BOM, CRLF or LF, a header row naming the columns of
 * {@link PayoutCsvRow}, quoted fields. Blank lines are skipped; line numbers are physical lines.
 * The whole file goes through Bindy in one pass; if that fails, each line is read on its own so
 * one broken line is rejected and the rest still flow.
 */
final class CsvPayoutReader {

    private static final int REQUIRED_COLUMNS = 10;

    private final BindyReader bindy;

    CsvPayoutReader(CamelContext camel) {
        this.bindy = new BindyReader(camel, new BindyCsvDataFormat(PayoutCsvRow.class));
    }

    ParsedFile read(String text) {
        String[] lines = stripBom(text).split("\r?\n", -1);
        String headerProblem = headerProblem(lines[0]);
        List<Integer> dataLines = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].trim().isEmpty()) {
                dataLines.add(i + 1);
            }
        }
        if (headerProblem != null) {
            return ParsedFile.refused("CSV", List.of(), headerProblem);
        }
        if (dataLines.isEmpty()) {
            return ParsedFile.refused("CSV", List.of(), "line 2: the file has a header but no rows");
        }
        try {
            List<?> records = bindy.read(String.join("\n", lines));
            if (records.size() == dataLines.size()) {
                List<ParsedFile.Row> rows = new ArrayList<>(records.size());
                for (int i = 0; i < records.size(); i++) {
                    rows.add(new ParsedFile.Row(dataLines.get(i), ((PayoutCsvRow) records.get(i)).fields(), null));
                }
                return new ParsedFile("CSV", rows, null);
            }
        } catch (Exception wholeFileFailed) {
            // fall through: find the lines Bindy cannot read
        }
        List<ParsedFile.Row> rows = new ArrayList<>();
        for (int lineNumber : dataLines) {
            rows.add(readOne(lines[0], lines[lineNumber - 1], lineNumber));
        }
        return new ParsedFile("CSV", rows, null);
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

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
    }
}
