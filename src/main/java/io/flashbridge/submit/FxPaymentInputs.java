package io.flashbridge.submit;

import java.util.LinkedHashMap;
import java.util.Map;

import io.flashbridge.instruction.FxPayment;

/** Builds Flash's {@code PaymentInput}: address-book parties by id, ids and references. */
final class FxPaymentInputs {

    private FxPaymentInputs() {}

    static Map<String, Object> of(FxPayment payment, String senderId, String recipientId, String callbackUri) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("fromCurrency", payment.fromCurrency());
        input.put("toCurrency", payment.toCurrency());
        input.put("size", payment.amount());
        input.put("currency", payment.amountCurrency());
        input.put("recipientId", recipientId);
        if (senderId != null) {
            input.put("senderId", senderId);
        }
        if (payment.reason() != null) {
            input.put("reason", payment.reason());
        }
        if (payment.sourceOfFunds() != null) {
            input.put("sourceOfFunds", payment.sourceOfFunds());
        }
        if (payment.reference() != null) {
            input.put("externalReference", payment.reference());
        }
        input.put("externalId", payment.paymentId());
        input.put("idempotencyKey", payment.idempotencyKey());
        if (callbackUri != null) {
            input.put("callbackUri", callbackUri);
        }
        return input;
    }
}
