package io.flashbridge.instruction;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the single name an ERP has for a party into Flash's individual or company fields: a name
 * with a company marker (Pty, Ltd, Inc, Trust, ...) or of one word is a company; otherwise the
 * last word is the last name and the rest the first name(s).
 */
public final class PartyNames {

    private static final Set<String> COMPANY_WORDS = Set.of("pty", "ltd", "limited", "inc", "llc", "corp",
            "corporation", "co", "company", "trust", "trustee", "group", "holdings", "partners", "plc", "gmbh", "bank",
            "council", "association", "club", "foundation", "services", "australia", "ag", "sa", "sas", "sarl", "srl", "spa",
            "bv", "nv", "ab", "oy", "as", "kk", "pte", "sdn", "bhd");
    private static final Set<String> PLACEHOLDERS = Set.of("N/A", "NA", "NULL", "null", "nil");
    private static final Pattern PERSON = Pattern.compile("[\\p{IsLatin} ,.\\-/']+");
    private static final Pattern DOMAIN_LIKE = Pattern.compile("[\\p{L}0-9-]\\.[a-z]{2,}(\\s|$)");

    private PartyNames() {}

    public static boolean isCompany(String name) {
        if (!name.trim().contains(" ")) {
            return true;
        }
        int wordStart = -1;
        for (int i = 0; i <= name.length(); i++) {
            char c = i < name.length() ? name.charAt(i) : ' ';
            if (c == '&' || c == '@' || (c >= '0' && c <= '9')) {
                return true;
            }
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (letter && wordStart < 0) {
                wordStart = i;
            } else if (!letter && wordStart >= 0) {
                if (isCompanyWord(name, wordStart, i)) {
                    return true;
                }
                wordStart = -1;
            }
        }
        return false;
    }

    /** Whether the letters {@code name[start, end)} are a company marker (compared in place: this runs for every row). */
    private static boolean isCompanyWord(String name, int start, int end) {
        int length = end - start;
        for (String word : COMPANY_WORDS) {
            if (word.length() == length && name.regionMatches(true, start, word, 0, length)) {
                return true;
            }
        }
        return false;
    }

    /** Flash's party fields for this name: {@code companyName}, or {@code firstName} + {@code lastName}. */
    public static Map<String, Object> toFlash(String name) {
        Map<String, Object> party = new LinkedHashMap<>();
        String trimmed = name.trim().replaceAll("\\s+", " ");
        if (isCompany(trimmed)) {
            party.put("companyName", Ascii.transliterate(trimmed));
        } else {
            int split = trimmed.lastIndexOf(' ');
            party.put("firstName", trimmed.substring(0, split));
            party.put("lastName", trimmed.substring(split + 1));
        }
        return party;
    }

    /** Why Flash would refuse this name, or null when it is fine. */
    public static String problem(String name) {
        String trimmed = name.trim();
        if (isCompany(trimmed)) {
            String ascii = Ascii.transliterate(trimmed);
            if (ascii.length() < 2 || ascii.length() > 256) {
                return "must be 2 to 256 characters for a company";
            }
            if (!Ascii.isAscii(ascii)) {
                return "company names must be ASCII (Latin letters without accents are sent as is)";
            }
            if (ascii.indexOf('<') >= 0 || ascii.indexOf('=') >= 0 || ascii.indexOf('>') >= 0) {
                return "must not contain <, = or >";
            }
            return null;
        }
        if (!PERSON.matcher(trimmed).matches()) {
            return "a person's name may hold only Latin letters, spaces and , . - / '";
        }
        if (DOMAIN_LIKE.matcher(trimmed).find()) {
            return "must not look like a domain name or URL";
        }
        int split = trimmed.lastIndexOf(' ');
        if (split > 75 || trimmed.length() - split - 1 > 75) {
            return "first and last name must be at most 75 characters each";
        }
        String lastName = trimmed.substring(split + 1);
        if (PLACEHOLDERS.contains(lastName)) {
            return "the last name \"" + lastName + "\" reads as a placeholder to Flash";
        }
        return null;
    }
}
