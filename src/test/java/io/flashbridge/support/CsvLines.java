package io.flashbridge.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the bridge's output CSVs (header row, quoted fields) into rows keyed by column name. */
public final class CsvLines {

    /** The header row of a payout CSV with every column, as an ERP writes it (CRLF). */
    public static final String PAYOUT_HEADER = "payment_id,amount,currency,bsb,account_number,account_name,payid,payid_type,"
            + "reference,remitter_name,reason,email\r\n";

    private CsvLines() {}

    public static List<Map<String, String>> parse(String text) {
        List<String> lines = text.lines().filter(line -> !line.isEmpty()).toList();
        List<String> header = split(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = split(line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < fields.size() ? fields.get(i) : "");
            }
            rows.add(row);
        }
        return rows;
    }

    public static List<String> header(String text) {
        return split(text.lines().findFirst().orElse(""));
    }

    public static Map<String, Map<String, String>> byPaymentId(String text) {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        parse(text).forEach(row -> rows.put(row.get("payment_id"), row));
        return rows;
    }

    /** Rows keyed by payment id; where a payment id repeats, the first row wins. */
    public static Map<String, Map<String, String>> firstByPaymentId(String text) {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        parse(text).forEach(row -> rows.putIfAbsent(row.get("payment_id"), row));
        return rows;
    }

    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return Arrays.asList(fields.toArray(String[]::new));
    }
}
