package io.flashbridge.output;

import java.util.List;

/**
 * Writes CSV lines: fields with a comma, quote or line break are quoted, quotes doubled. A field a
 * spreadsheet would run as a formula (it begins with {@code = + - @}, a tab or a carriage return)
 * is neutralised as OWASP recommends: a leading single quote, and the field quoted.
 */
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
            if (startsLikeAFormula(text)) {
                line.append("\"'").append(text.replace("\"", "\"\"")).append('"');
            } else if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                line.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else {
                line.append(text);
            }
        }
        return line.append("\r\n").toString();
    }

    private static boolean startsLikeAFormula(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
