package io.flashbridge.instruction;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one FX payment and builds its {@link FxPayment}: every problem names the column and says
 * what would be accepted, all of them at once. Account checks follow the account type
 * (flash-api.md section 7): an IBAN must pass its check digits, a routing number, sort code, IFSC or
 * CNAPS code must have its shape, and every type but IBAN needs a BIC.
 */
public final class FxPaymentValidator {

    /** Currencies Flash can pay from ({@code FromCurrency}). */
    private static final Set<String> FROM_CURRENCIES = Set.of("AUD", "CAD", "CHF", "EUR", "GBP", "NZD", "SGD", "USD");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern PARTY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}");
    private static final Pattern BIC = Pattern.compile("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?");
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9]{1,34}");
    private static final int MAX_STREET = 200;

    /** Per account type: the shape of the account, and of the bank code (null when the type has none). */
    private record AccountShape(Pattern account, String accountText, Pattern bankCode, String bankCodeText) {}

    private static final Map<String, AccountShape> SHAPES = Map.of(
            "IBAN", new AccountShape(IBAN, "an IBAN such as DE89370400440532013000", null, null),
            "ABA", new AccountShape(Pattern.compile("[0-9]{4,17}"), "4 to 17 digits",
                    Pattern.compile("[0-9]{9}"), "a 9-digit ABA routing number"),
            "CLABE", new AccountShape(Pattern.compile("[0-9]{18}"), "an 18-digit CLABE", null, null),
            "IFSC", new AccountShape(Pattern.compile("[0-9]{6,20}"), "6 to 20 digits",
                    Pattern.compile("[A-Z]{4}0[A-Z0-9]{6}"), "an IFSC code such as HDFC0001234"),
            "CNAPS", new AccountShape(Pattern.compile("[0-9]{6,32}"), "6 to 32 digits",
                    Pattern.compile("[0-9]{12}"), "a 12-digit CNAPS code"),
            "SORT_CODE", new AccountShape(Pattern.compile("[0-9]{8}"), "8 digits",
                    Pattern.compile("[0-9]{2}-?[0-9]{2}-?[0-9]{2}"), "a 6-digit sort code such as 40-47-84"),
            "ACC_NO", new AccountShape(ACCOUNT, "1 to 34 letters or digits", null, null));

    /** A valid payment with its warnings, or the list of problems. */
    public record Result(FxPayment payment, List<String> warnings, List<RowProblem> problems) {
        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    private FxPaymentValidator() {}

    public static Result validate(String source, FxPaymentFields row) {
        List<RowProblem> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        PayoutValidator.placeholders(FxPaymentColumns.HEADER.stream()
                .map(column -> new String[] {column, row.get(column)}).toArray(String[][]::new), problems);
        String paymentId = PayoutValidator.paymentId(row.paymentId(), problems);
        BigDecimal amount = PayoutValidator.amount(text(row, "amount"), problems);
        String from = currency(row, "from_currency", "AUD", problems);
        if (from != null && !FROM_CURRENCIES.contains(from)) {
            problems.add(new RowProblem("from_currency", "\"" + from + "\" cannot be paid from; use one of " + String.join(", ",
                    FROM_CURRENCIES.stream().sorted().toList())));
        }
        String to = currency(row, "to_currency", null, problems);
        if (from != null && from.equals(to)) {
            problems.add(new RowProblem("to_currency", "\"" + to + "\" is the from_currency; "
                    + (to.equals("AUD") ? "AUD payments to Australian accounts are payouts (outbox/payouts)" : "an FX payment converts")));
        }
        String amountCurrency = currency(row, "amount_currency", from, problems);
        if (amountCurrency != null && from != null && to != null && !amountCurrency.equals(from) && !amountCurrency.equals(to)) {
            problems.add(new RowProblem("amount_currency", "\"" + amountCurrency + "\" must be the from_currency (" + from
                    + ", send this much) or the to_currency (" + to + ", deliver this much)"));
        }
        String reference = PayoutValidator.reference(text(row, "reference"), problems, new ArrayList<>());
        String reason = PayoutValidator.upperSnake("reason", row.get("reason"), "TransactionReason such as BUSINESS", problems);
        String sourceOfFunds = PayoutValidator.upperSnake("source_of_funds", row.get("source_of_funds"),
                "SourceOfFunds such as BUSINESS_FUNDS", problems);
        FxParty sender = sender(row, problems);
        FxParty recipient = recipient(row, to, problems, warnings);
        if (!problems.isEmpty()) {
            return new Result(null, List.of(), problems);
        }
        return new Result(new FxPayment(source, paymentId, amount, amountCurrency, from, to, reference, reason, sourceOfFunds,
                sender, recipient), warnings, List.of());
    }

    private static FxParty sender(FxPaymentFields row, List<RowProblem> problems) {
        List<String> given = List.of("sender_id", "sender_name", "sender_email", "sender_street", "sender_country").stream()
                .filter(column -> text(row, column) != null).toList();
        if (given.isEmpty()) {
            return null;
        }
        String id = partyId(row, "sender_id", problems);
        String name = name(row, "sender_name", problems);
        String email = email(row, "sender_email", problems);
        String street = street(row, "sender_street", true, problems);
        String country = country(row, "sender_country", problems);
        return new FxParty(id, name, email, street, country, null, null, null, null, null);
    }

    private static FxParty recipient(FxPaymentFields row, String currency, List<RowProblem> problems, List<String> warnings) {
        String id = partyId(row, "recipient_id", problems);
        String name = name(row, "recipient_name", problems);
        String email = email(row, "recipient_email", problems);
        String street = street(row, "recipient_street", false, problems);
        String country = country(row, "recipient_country", problems);
        String type = upper(text(row, "recipient_account_type"));
        String account = upper(text(row, "recipient_account"));
        String bankCode = upper(text(row, "recipient_bank_code"));
        String bic = upper(text(row, "recipient_bic"));
        AccountShape shape = type == null ? null : SHAPES.get(type);
        if (type == null) {
            problems.add(new RowProblem("recipient_account_type", "is required: IBAN, SORT_CODE, ABA, IFSC, CNAPS, CLABE or ACC_NO"));
        } else if (type.equals("BSB") || type.equals("PAYID")) {
            problems.add(new RowProblem("recipient_account_type", type + " accounts are paid in AUD by payouts (outbox/payouts)"));
        } else if (shape == null) {
            problems.add(new RowProblem("recipient_account_type", "\"" + ShownValue.of(type)
                    + "\" must be IBAN, SORT_CODE, ABA, IFSC, CNAPS, CLABE or ACC_NO"));
        }
        if (account == null) {
            problems.add(new RowProblem("recipient_account", "is required"));
        } else if (shape != null) {
            String compact = type.equals("IBAN") ? account.replace(" ", "") : account;
            if (!shape.account().matcher(compact).matches()) {
                problems.add(new RowProblem("recipient_account", "must be " + shape.accountText() + " for " + type
                        + ", got " + compact.length() + " characters"));
            } else if (type.equals("IBAN") && !ibanChecksumHolds(compact)) {
                problems.add(new RowProblem("recipient_account", "is not a valid IBAN: its check digits do not match "
                        + "(ending " + Masking.account(compact) + ")"));
            }
            account = compact;
        }
        if (shape != null && shape.bankCode() == null && bankCode != null) {
            problems.add(new RowProblem("recipient_bank_code", "must be empty for " + type + " accounts"));
        } else if (shape != null && shape.bankCode() != null && bankCode == null) {
            problems.add(new RowProblem("recipient_bank_code", "is required for " + type + " accounts: " + shape.bankCodeText()));
        } else if (shape != null && bankCode != null && !shape.bankCode().matcher(bankCode).matches()) {
            problems.add(new RowProblem("recipient_bank_code", "\"" + ShownValue.of(bankCode) + "\" must be " + shape.bankCodeText()));
        } else if (bankCode != null && type.equals("SORT_CODE")) {
            bankCode = bankCode.replace("-", "");
        }
        if (bic == null && shape != null && !type.equals("IBAN")) {
            problems.add(new RowProblem("recipient_bic", "is required for " + type + " accounts"));
        } else if (bic != null && !BIC.matcher(bic).matches()) {
            problems.add(new RowProblem("recipient_bic", "\"" + ShownValue.of(bic) + "\" must be a BIC of 8 or 11 letters and digits"));
        }
        if (street == null) {
            warnings.add("recipient_street is empty: Flash may hold the payment for an address check");
        }
        return new FxParty(id, name, email, street, country, type, account, bankCode, bic, currency);
    }

    /** ISO 13616: move the first four characters to the end, letters to numbers (A = 10), the number mod 97 is 1. */
    static boolean ibanChecksumHolds(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    private static String currency(FxPaymentFields row, String column, String fallback, List<RowProblem> problems) {
        String value = upper(text(row, column));
        if (value == null) {
            if (fallback == null && !column.equals("amount_currency")) {
                problems.add(new RowProblem(column, "is required: an ISO 4217 code such as EUR"));
            }
            return fallback;
        }
        if (!CURRENCY.matcher(value).matches()) {
            problems.add(new RowProblem(column, "\"" + ShownValue.of(value) + "\" must be an ISO 4217 code such as EUR"));
            return null;
        }
        return value;
    }

    private static String partyId(FxPaymentFields row, String column, List<RowProblem> problems) {
        String id = text(row, column);
        if (id == null) {
            problems.add(new RowProblem(column, "is required: your id of this party, kept at Flash as its externalId"));
        } else if (!PARTY_ID.matcher(id).matches()) {
            problems.add(new RowProblem(column, "\"" + ShownValue.of(id) + "\" must be 1 to 64 letters, digits or . _ : / -"));
        }
        return id;
    }

    private static String name(FxPaymentFields row, String column, List<RowProblem> problems) {
        String name = text(row, column);
        if (name == null) {
            problems.add(new RowProblem(column, "is required"));
        } else if (PartyNames.problem(name) != null) {
            problems.add(new RowProblem(column, "\"" + ShownValue.of(name) + "\" " + PartyNames.problem(name)));
        }
        return name;
    }

    private static String email(FxPaymentFields row, String column, List<RowProblem> problems) {
        String email = text(row, column);
        if (email != null && !PayoutValidator.isEmail(email)) {
            problems.add(new RowProblem(column, "\"" + ShownValue.of(email) + "\" is not an e-mail address"));
        }
        return email;
    }

    private static String street(FxPaymentFields row, String column, boolean required, List<RowProblem> problems) {
        String street = text(row, column);
        if (street == null) {
            if (required) {
                problems.add(new RowProblem(column, "is required: the full address on one line"));
            }
            return null;
        }
        String ascii = Ascii.transliterate(street);
        if (!Ascii.isAscii(ascii)) {
            problems.add(new RowProblem(column, "must be ASCII; \"" + ShownValue.of(street) + "\" has characters Flash refuses"));
        } else if (ascii.length() > MAX_STREET) {
            problems.add(new RowProblem(column, "is " + ascii.length() + " characters; at most " + MAX_STREET));
        }
        return ascii;
    }

    private static String country(FxPaymentFields row, String column, List<RowProblem> problems) {
        String given = text(row, column);
        String country = upper(given);
        if (country == null) {
            problems.add(new RowProblem(column, "is required: an ISO 3166 two-letter code such as DE"));
        } else if (!COUNTRY.matcher(country).matches()) {
            problems.add(new RowProblem(column, "\"" + ShownValue.of(given) + "\" must be an ISO 3166 two-letter code such as DE"));
        }
        return country;
    }

    private static String text(FxPaymentFields row, String column) {
        return PayoutValidator.text(row.get(column));
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase(java.util.Locale.ROOT);
    }
}
