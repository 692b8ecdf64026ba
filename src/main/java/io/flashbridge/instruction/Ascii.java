package io.flashbridge.instruction;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Pattern;

/** Latin text to ASCII for the fields Flash requires in ASCII: accents dropped ({@code é → e}), a few letters spelled out. */
public final class Ascii {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Map<String, String> SPELLED = Map.of("ß", "ss", "æ", "ae", "Æ", "AE", "ø", "o", "Ø", "O",
            "đ", "d", "Đ", "D", "ł", "l", "Ł", "L", "œ", "oe");

    private Ascii() {}

    public static String transliterate(String text) {
        if (isAscii(text)) {
            return text;
        }
        String result = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        for (Map.Entry<String, String> letter : SPELLED.entrySet()) {
            result = result.replace(letter.getKey(), letter.getValue());
        }
        return result.replace('\u2019', '\'').replace('\u2013', '-');
    }

    public static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
