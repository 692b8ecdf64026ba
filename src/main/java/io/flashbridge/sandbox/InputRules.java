package io.flashbridge.sandbox;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Flash's data rules (flash-api.md 2.5) as the server enforces them. Every failure names the
 * input path, e.g. {@code input.recipient.firstName}, and says what is allowed.
 */
final class InputRules {

    private static final Set<String> PLACEHOLDERS = Set.of("N/A", "NA", "NULL", "null", "nil");
    private static final Pattern PERSON_NAME = Pattern.compile("[\\p{IsLatin} ,.\\-/']+");
    private static final Pattern DOMAIN_LIKE = Pattern.compile("[\\p{L}0-9-]\\.[a-z]{2,}(\\s|$)");
    private static final Pattern ASCII = Pattern.compile("\\p{ASCII}*");
    private static final Pattern MOBILE = Pattern.compile("(\\+|00)[1-9][0-9]{6,14}");
    private static final Pattern ACCOUNT_NO = Pattern.compile("[A-Za-z0-9]{4,34}");
    private static final Pattern BSB = Pattern.compile("[0-9]{3}-?[0-9]{3}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final List<String> ASCII_FIELDS = List.of("email", "companyName", "legalName", "tradingAsName",
            "businessNumber", "externalReference", "externalId", "docNumber", "issuer");
    private static final LocalDate EARLIEST_DOB = LocalDate.of(1900, 1, 1);

    private InputRules() {}

    /** Placeholder strings such as {@code N/A} are refused anywhere in the input. */
    static void noPlaceholders(String path, Object value) {
        if (value instanceof String text && PLACEHOLDERS.contains(text.trim())) {
            throw new BadUserInputException(path, path + ": placeholder value \"" + text + "\" is not allowed; omit the field instead");
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> noPlaceholders(path + "." + key, inner));
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                noPlaceholders(path + "[" + i + "]", list.get(i));
            }
        }
    }

    /** The fields Flash requires in ASCII, and every address component. */
    static void asciiWhereRequired(String path, Map<String, Object> input) {
        input.forEach((key, value) -> {
            if (value instanceof String text && ASCII_FIELDS.contains(key)) {
                ascii(path + "." + key, text);
            }
            if (value instanceof Map<?, ?> inner) {
                @SuppressWarnings("unchecked")
                Map<String, Object> nested = (Map<String, Object>) inner;
                if (key.equals("address")) {
                    nested.forEach((field, component) -> {
                        if (component instanceof String text) {
                            ascii(path + ".address." + field, text);
                        }
                    });
                } else {
                    asciiWhereRequired(path + "." + key, nested);
                }
            }
        });
    }

    static void ascii(String path, String value) {
        if (!ASCII.matcher(value).matches()) {
            throw new BadUserInputException(path, path + ": only ASCII characters are allowed");
        }
    }

    static void personName(String path, Object value, int minLength) {
        if (value == null) {
            return;
        }
        String name = value.toString();
        if (name.length() < minLength || name.length() > 75) {
            throw new BadUserInputException(path, path + ": must be " + minLength + " to 75 characters long");
        }
        if (!PERSON_NAME.matcher(name).matches()) {
            throw new BadUserInputException(path, path + ": only Latin letters and , . - / ' are allowed");
        }
        if (DOMAIN_LIKE.matcher(name).find()) {
            throw new BadUserInputException(path, path + ": must not look like a domain name or URL");
        }
    }

    static void organisationName(String path, Object value) {
        if (value == null) {
            return;
        }
        String name = value.toString();
        if (name.length() < 2 || name.length() > 256) {
            throw new BadUserInputException(path, path + ": must be 2 to 256 characters long");
        }
        if (name.contains("<") || name.contains("=") || name.contains(">")) {
            throw new BadUserInputException(path, path + ": must not contain <, = or >");
        }
    }

    static void dob(String path, Object value, LocalDate today) {
        if (value == null) {
            return;
        }
        LocalDate dob;
        try {
            dob = LocalDate.parse(value.toString());
        } catch (DateTimeParseException e) {
            throw new BadUserInputException(path, path + ": must be a date YYYY-MM-DD");
        }
        if (!dob.isAfter(EARLIEST_DOB)) {
            throw new BadUserInputException(path, path + ": must be after 1900-01-01");
        }
        if (dob.plusYears(18).isAfter(today)) {
            throw new BadUserInputException(path, path + ": the person must be at least 18 years old");
        }
    }

    static void mobile(String path, Object value) {
        if (value != null && !MOBILE.matcher(value.toString().replaceAll("[\\s()-]", "")).matches()) {
            throw new BadUserInputException(path, path + ": must be a valid international number, e.g. +61412345678");
        }
    }

    static void email(String path, Object value) {
        if (value != null && !EMAIL.matcher(value.toString()).matches()) {
            throw new BadUserInputException(path, path + ": must be an e-mail address");
        }
    }

    static void accountNo(String path, Object value) {
        if (value != null && !ACCOUNT_NO.matcher(value.toString()).matches()) {
            throw new BadUserInputException(path, path + ": must be 4 to 34 letters or digits");
        }
    }

    static void bsb(String path, Object value) {
        if (value != null && !BSB.matcher(value.toString()).matches()) {
            throw new BadUserInputException(path, path + ": must be 6 digits, e.g. 062000 or 062-000");
        }
    }

    static void country(String path, Object value) {
        if (value != null && !COUNTRY.matcher(value.toString()).matches()) {
            throw new BadUserInputException(path, path + ": must be an ISO-3166 alpha-2 code such as AU");
        }
    }

    static void enumLike(String path, Object value) {
        if (value != null && !UPPER_SNAKE.matcher(value.toString()).matches()) {
            throw new BadUserInputException(path, path + ": must be an upper-case enum value such as BUSINESS");
        }
    }

    static void required(String path, Object value) {
        if (value == null || value.toString().isBlank()) {
            throw new BadUserInputException(path, path + ": is required");
        }
    }

    /** A positive amount with at most 2 decimal places. */
    static BigDecimal amount(String path, BigDecimal value) {
        if (value == null) {
            throw new BadUserInputException(path, path + ": is required");
        }
        if (value.signum() <= 0) {
            throw new BadUserInputException(path, path + ": must be a positive number");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new BadUserInputException(path, path + ": must have at most 2 decimal places");
        }
        return BalanceBook.money(value);
    }
}
