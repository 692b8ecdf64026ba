package io.flashbridge.intake.file;

import java.util.List;

/** Writes CSV lines: fields with a comma, quote or line break are quoted, quotes doubled. */
public final class CsvText {

    private CsvText() {}

    public static String line(List<?> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            Object value = fields.get(i);
            String text = value == null ? "" : value.toString();
            if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                line.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else {
                line.append(text);
            }
        }
        return line.append("\r\n").toString();
    }

    /** {@code payouts-2026-11-26.csv} → {@code payouts-2026-11-26}. */
    public static String baseName(String fileName) {
        String name = fileName.substring(fileName.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
