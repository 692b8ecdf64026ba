package io.flashbridge.flash;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The two legs of an FX payment as Flash reports them in a {@code createPayment} answer, a
 * {@code payment} read-back or a payment webhook: what it debits and what it delivers. Any part
 * Flash leaves out (or writes unreadably) is null.
 */
public record PaymentLegs(BigDecimal fromAmount, String fromCurrency, BigDecimal toAmount, String toCurrency) {

    public static PaymentLegs of(JsonNode payment) {
        return new PaymentLegs(FlashFields.money(payment, "fromAmount"), text(payment, "fromCurrency"),
                FlashFields.money(payment, "toAmount"),
                text(payment, "toCurrency"));
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) && node.path(field).isValueNode() ? node.path(field).asText() : null;
    }
}
