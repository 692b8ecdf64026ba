package io.flashbridge.support;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.flashbridge.instruction.FxPaymentColumns;

/** FX payment files for {@code outbox/payments}: rows as column maps, written with every field quoted. */
public final class FxPaymentRows {

    public static final String IBAN_DE = "DE89370400440532013000";
    public static final String IBAN_FR = "FR1420041010050500013M02606";

    private FxPaymentRows() {}

    /** An AUD-funded payment of {@code amount} AUD to an individual's account; {@code senderId} empty: the company pays. */
    public static Map<String, String> row(String paymentId, String amount, String to, String reference, String senderId,
                                          String recipientId, String accountType, String account, String bankCode) {
        Map<String, String> row = new HashMap<>();
        row.put("payment_id", paymentId);
        row.put("amount", amount);
        row.put("from_currency", "AUD");
        row.put("to_currency", to);
        row.put("reference", reference);
        row.put("reason", "BUSINESS");
        if (!senderId.isEmpty()) {
            row.put("sender_id", senderId);
            row.put("sender_name", "Acme Exports Pty Ltd");
            row.put("sender_street", "1 George St, Sydney NSW 2000");
            row.put("sender_country", "AU");
        }
        row.put("recipient_id", recipientId);
        row.put("recipient_name", "Hans Muller");
        row.put("recipient_account_type", accountType);
        row.put("recipient_account", account);
        row.put("recipient_bank_code", bankCode);
        row.put("recipient_street", "Hauptstrasse 1, 10115 Berlin");
        row.put("recipient_country", accountType.equals("SORT_CODE") ? "GB" : "DE");
        return row;
    }

    /** An IBAN payment in EUR without a sender. */
    public static Map<String, String> euroRow(String paymentId, String amount, String reference, String recipientId) {
        return row(paymentId, amount, "EUR", reference, "", recipientId, "IBAN", IBAN_DE, "");
    }

    @SafeVarargs
    public static byte[] csv(Map<String, String>... rows) {
        StringBuilder csv = new StringBuilder(String.join(",", FxPaymentColumns.HEADER)).append("\r\n");
        for (Map<String, String> row : rows) {
            csv.append(String.join(",", FxPaymentColumns.HEADER.stream()
                    .map(column -> "\"" + row.getOrDefault(column, "").replace("\"", "\"\"") + "\"").toList())).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
