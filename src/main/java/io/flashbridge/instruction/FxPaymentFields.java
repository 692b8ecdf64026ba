package io.flashbridge.instruction;

import java.util.Map;

/** The raw text of one FX payment, by column of {@link FxPaymentColumns#HEADER}, before validation. */
public record FxPaymentFields(Map<String, String> values) implements RowFields {

    public String get(String column) {
        return values.get(column);
    }

    @Override
    public String paymentId() {
        return values.get("payment_id");
    }
}
