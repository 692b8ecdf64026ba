package io.flashbridge.instruction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one payout row and builds its {@link PaymentInstruction}. Every problem names the
 * column and says what would be accepted; warnings (a long reference, transliteration) do not
 * stop the row.
 */
public final class PayoutValidator {

    /** A valid row with its warnings, or the list of problems. */
    public record Result(PaymentInstruction instruction, List<String> warnings, List<RowProblem> problems) {
        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    public static final int DIRECT_ENTRY_REFERENCE = 18;
    private static final int NPP_REFERENCE = 280;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999.99");
    private static final Set<String> PLACEHOLDERS = Set.of("N/A", "NA", "NULL", "null", "nil");
    private static final Pattern PAYMENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}");
    private static final Pattern AMOUNT = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern BSB = Pattern.compile("[0-9]{3}-?[0-9]{3}");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{4,9}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+61[0-9]{9}");
    private static final Pattern ABN = Pattern.compile("[0-9]{11}");
    private static final Pattern ORG_ID = Pattern.compile("[A-Za-z0-9]{1,256}");
    private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private PayoutValidator() {}

    public static Result validate(String source, PayoutFields row) {
        List<RowProblem> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        placeholders(row, problems);
        String paymentId = paymentId(row.paymentId(), problems);
        BigDecimal amount = amount(text(row.amount()), problems);
        String currency = text(row.currency()) == null ? "AUD" : text(row.currency()).toUpperCase();
        if (!currency.equals("AUD")) {
            problems.add(new RowProblem("currency", "\"" + ShownValue.of(currency) + "\": payouts are AUD only (FX payments go to outbox/payments)"));
        }
        Payee payee = payee(row, problems);
        String reference = reference(text(row.reference()), problems, warnings);
        String remitter = text(row.remitterName());
        if (remitter != null && PartyNames.problem(remitter) != null) {
            problems.add(new RowProblem("remitter_name", "\"" + ShownValue.of(remitter) + "\" " + PartyNames.problem(remitter)));
        }
        String reason = upperSnake("reason", row.reason(), "TransactionReason such as BUSINESS", problems);
        String email = text(row.email());
        if (email != null && !isEmail(email)) {
            problems.add(new RowProblem("email", "\"" + ShownValue.of(email) + "\" is not an e-mail address"));
        }
        if (!problems.isEmpty()) {
            return new Result(null, List.of(), problems);
        }
        return new Result(new PaymentInstruction(source, paymentId, amount, currency, payee, reference, remitter, reason, email),
                warnings, List.of());
    }

    /** The row's payment id, trimmed; a problem when it is missing or not of the allowed shape. */
    static String paymentId(String value, List<RowProblem> problems) {
        String paymentId = text(value);
        if (paymentId == null) {
            problems.add(new RowProblem("payment_id", "is required"));
        } else if (!PAYMENT_ID.matcher(paymentId).matches()) {
            problems.add(new RowProblem("payment_id", "\"" + ShownValue.of(paymentId) + "\" must be 1 to 64 letters, digits or . _ : / -"));
        }
        return paymentId;
    }

    /** A Flash enum-like value such as BUSINESS; null when absent. */
    static String upperSnake(String column, String value, String example, List<RowProblem> problems) {
        String text = text(value);
        if (text != null && !UPPER_SNAKE.matcher(text).matches()) {
            problems.add(new RowProblem(column, "\"" + ShownValue.of(text) + "\" must be a Flash " + example));
        }
        return text;
    }

    static boolean isEmail(String email) {
        return EMAIL.matcher(email).matches() && Ascii.isAscii(email);
    }

    private static void placeholders(PayoutFields row, List<RowProblem> problems) {
        placeholders(new String[][] {{"payment_id", row.paymentId()}, {"amount", row.amount()}, {"currency", row.currency()},
                {"bsb", row.bsb()}, {"account_number", row.accountNumber()}, {"account_name", row.accountName()},
                {"payid", row.payId()}, {"payid_type", row.payIdType()}, {"reference", row.reference()},
                {"remitter_name", row.remitterName()}, {"reason", row.reason()}, {"email", row.email()}}, problems);
    }

    /** Control characters and placeholders such as N/A in any of the {@code {column, value}} pairs. */
    static void placeholders(String[][] fields, List<RowProblem> problems) {
        for (String[] field : fields) {
            int control = field[1] == null ? -1 : ShownValue.controlCharacter(field[1]);
            if (control >= 0) {
                problems.add(new RowProblem(field[0], String.format("has a control character (U+%04X) at position %d; "
                        + "remove it", (int) field[1].charAt(control), control + 1)));
            } else if (field[1] != null && PLACEHOLDERS.contains(field[1].trim())) {
                problems.add(new RowProblem(field[0], "placeholder \"" + field[1].trim() + "\" is not allowed; leave the column empty"));
            }
        }
    }

    static BigDecimal amount(String text, List<RowProblem> problems) {
        if (text == null) {
            problems.add(new RowProblem("amount", "is required"));
            return null;
        }
        if (!AMOUNT.matcher(text).matches()) {
            problems.add(new RowProblem("amount", "\"" + ShownValue.of(text) + "\" must be a number such as 1250.00 (no currency sign, no thousands separator)"));
            return null;
        }
        BigDecimal amount = new BigDecimal(text);
        if (amount.signum() <= 0) {
            problems.add(new RowProblem("amount", "\"" + ShownValue.of(text) + "\" must be more than 0"));
        } else if (amount.stripTrailingZeros().scale() > 2) {
            problems.add(new RowProblem("amount", "\"" + ShownValue.of(text) + "\" has more than 2 decimal places"));
        } else if (amount.compareTo(MAX_AMOUNT) > 0) {
            problems.add(new RowProblem("amount", "\"" + ShownValue.of(text) + "\" is more than 99999999.99"));
        }
        return amount.stripTrailingZeros().scale() <= 2 ? amount.setScale(2, RoundingMode.UNNECESSARY) : amount;
    }

    private static Payee payee(PayoutFields row, List<RowProblem> problems) {
        String name = text(row.accountName());
        String bsb = text(row.bsb());
        String account = text(row.accountNumber());
        String payId = text(row.payId());
        if (name == null) {
            problems.add(new RowProblem("account_name", "is required"));
        } else if (PartyNames.problem(name) != null) {
            problems.add(new RowProblem("account_name", "\"" + ShownValue.of(name) + "\" " + PartyNames.problem(name)));
        }
        if (payId != null && (bsb != null || account != null)) {
            problems.add(new RowProblem("payid", "give either bsb + account_number or payid, not both"));
            return null;
        }
        if (payId != null) {
            return payId(payId, text(row.payIdType()), name, problems);
        }
        if (bsb == null) {
            problems.add(new RowProblem("bsb", "is required (or give payid)"));
        } else if (!BSB.matcher(bsb).matches()) {
            problems.add(new RowProblem("bsb", "\"" + ShownValue.of(bsb) + "\" must be 6 digits (e.g. 062-000)"));
        }
        if (account == null) {
            problems.add(new RowProblem("account_number", "is required (or give payid)"));
        } else if (!ACCOUNT.matcher(account).matches()) {
            problems.add(new RowProblem("account_number", "must be 4 to 9 digits, got " + account.length() + " characters"));
        }
        return bsb == null || account == null ? null : new Payee.BankAccount(bsb.replace("-", ""), account, name);
    }

    private static Payee payId(String payId, String type, String name, List<RowProblem> problems) {
        String kind = type == null ? null : type.toUpperCase();
        Pattern shape = kind == null ? null : switch (kind) {
            case "EMAIL" -> EMAIL;
            case "PHONE" -> PHONE;
            case "ABN" -> ABN;
            case "ORG_ID" -> ORG_ID;
            default -> null;
        };
        if (shape == null) {
            problems.add(new RowProblem("payid_type", "\"" + ShownValue.of(type) + "\" must be EMAIL, PHONE, ABN or ORG_ID"));
        } else if (!shape.matcher(payId).matches()) {
            problems.add(new RowProblem("payid", "\"" + ShownValue.of(payId) + "\" is not a valid " + kind + " PayID"
                    + (kind.equals("PHONE") ? " (use +61 and 9 digits)" : "")));
        }
        return new Payee.PayId(payId, kind, name);
    }

    static String reference(String reference, List<RowProblem> problems, List<String> warnings) {
        if (reference == null) {
            return null;
        }
        String ascii = Ascii.transliterate(reference);
        if (!Ascii.isAscii(ascii)) {
            problems.add(new RowProblem("reference", "must be ASCII; \"" + ShownValue.of(reference) + "\" has characters Flash refuses"));
            return null;
        }
        if (!ascii.equals(reference)) {
            warnings.add("reference sent as \"" + ascii + "\" (ASCII only)");
        }
        if (ascii.length() > NPP_REFERENCE) {
            problems.add(new RowProblem("reference", "is " + ascii.length() + " characters; at most 280"));
        } else if (ascii.length() > DIRECT_ENTRY_REFERENCE) {
            warnings.add("reference longer than 18 characters: Direct Entry shows only \""
                    + ascii.substring(0, DIRECT_ENTRY_REFERENCE) + "\"");
        }
        return ascii;
    }

    static String text(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
