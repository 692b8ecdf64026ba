package io.flashbridge.sandbox;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates sender and recipient inputs and builds the records Flash returns for them. Inline
 * parties on a transaction get {@code id: null} (gap 31); address-book parties get an id.
 */
final class Parties {

    private static final Map<String, List<String>> ACCOUNT_FIELDS = Map.of(
            "BSB", List.of("bsb", "accountNo"),
            "PAYID", List.of("payid"),
            "IBAN", List.of("iban"),
            "ABA", List.of("aba", "accountNo", "bic"),
            "CLABE", List.of("clabe", "bic"),
            "IFSC", List.of("ifsc", "accountNo", "bic"),
            "CNAPS", List.of("cnaps", "accountNo", "bic"),
            "SORT_CODE", List.of("sortCode", "accountNo", "bic"),
            "ACC_NO", List.of("accountNo", "bic"));

    private Parties() {}

    static Map<String, Object> sender(String path, Map<String, Object> input, String id, LocalDate today) {
        checkPerson(path, input, today);
        InputRules.organisationName(path + ".legalName", input.get("legalName"));
        InputRules.organisationName(path + ".tradingAsName", input.get("tradingAsName"));
        Map<String, Object> sender = new LinkedHashMap<>(input);
        sender.put("id", id);
        sender.putIfAbsent("nickName", defaultNickName(input));
        return sender;
    }

    static Map<String, Object> recipient(String path, Map<String, Object> input, String id, LocalDate today) {
        checkPerson(path, input, today);
        Object type = input.get("accountIdType");
        InputRules.required(path + ".accountIdType", type);
        for (String field : ACCOUNT_FIELDS.get(type.toString())) {
            InputRules.required(path + "." + field, input.get(field));
        }
        InputRules.bsb(path + ".bsb", input.get("bsb"));
        InputRules.accountNo(path + ".accountNo", input.get("accountNo"));
        Map<String, Object> recipient = new LinkedHashMap<>(input);
        recipient.put("id", id);
        recipient.putIfAbsent("nickName", defaultNickName(input));
        recipient.put("displayName", displayName(input));
        recipient.put("country", country(input));
        if (input.get("address") == null) {
            recipient.put("address", null);
        }
        return recipient;
    }

    private static void checkPerson(String path, Map<String, Object> input, LocalDate today) {
        boolean company = input.get("companyName") != null;
        boolean person = input.get("firstName") != null || input.get("lastName") != null;
        if (!company && !person) {
            throw new BadUserInputException(path, path + ": give firstName and lastName, or companyName");
        }
        if (person) {
            InputRules.required(path + ".firstName", input.get("firstName"));
            InputRules.required(path + ".lastName", input.get("lastName"));
        }
        InputRules.personName(path + ".firstName", input.get("firstName"), 1);
        InputRules.personName(path + ".middleName", input.get("middleName"), 2);
        InputRules.personName(path + ".lastName", input.get("lastName"), 1);
        InputRules.organisationName(path + ".companyName", input.get("companyName"));
        InputRules.dob(path + ".dob", input.get("dob"), today);
        InputRules.mobile(path + ".mobile", input.get("mobile"));
        InputRules.email(path + ".email", input.get("email"));
        if (input.get("address") instanceof Map<?, ?> address) {
            InputRules.country(path + ".address.country", address.get("country"));
        }
    }

    /** Observed Flash default: first + last name without a space, or the company name, cut to 10 characters. */
    static String defaultNickName(Map<String, Object> input) {
        String base = input.get("companyName") != null
                ? input.get("companyName").toString()
                : String.valueOf(input.get("firstName")) + input.get("lastName");
        return base.length() > 10 ? base.substring(0, 10) : base;
    }

    private static String displayName(Map<String, Object> input) {
        if (input.get("companyName") != null) {
            return input.get("companyName").toString();
        }
        return input.get("firstName") + " " + input.get("lastName");
    }

    private static String country(Map<String, Object> input) {
        String type = String.valueOf(input.get("accountIdType"));
        if (type.equals("BSB") || type.equals("PAYID")) {
            return "AU";
        }
        if (input.get("address") instanceof Map<?, ?> address && address.get("country") != null) {
            return address.get("country").toString();
        }
        return null;
    }
}
