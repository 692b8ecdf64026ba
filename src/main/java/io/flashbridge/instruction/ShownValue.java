package io.flashbridge.instruction;

/**
 * A value from an input echoed back in a reason: control characters spelled out as {@code \u0000},
 * and a long value cut to its first characters, so a 5 MB field never travels into an ack file.
 */
public final class ShownValue {

    static final int MAX = 60;

    private ShownValue() {}

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder shown = new StringBuilder(Math.min(text.length(), MAX) + 16);
        for (int i = 0; i < text.length() && shown.length() < MAX; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                shown.append(String.format("\\u%04X", (int) c));
            } else {
                shown.append(c);
            }
        }
        if (shown.length() >= MAX && text.length() > MAX) {
            shown.append("... (").append(text.length()).append(" characters)");
        }
        return shown.toString();
    }

    /** The first control character (other than tab) in {@code text}, or -1. */
    public static int controlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return i;
            }
        }
        return -1;
    }
}
