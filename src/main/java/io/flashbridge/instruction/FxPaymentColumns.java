package io.flashbridge.instruction;

import java.util.List;

/**
 * The fields of an FX payment: the columns of a CSV in {@code outbox/payments/} and the fields of an
 * {@code fx-payment} JMS instruction, in this order. Sender columns may all be left empty (the
 * company pays in its own name); every other column must be in the header, even when empty.
 */
public final class FxPaymentColumns {

    public static final List<String> HEADER = List.of("payment_id", "amount", "amount_currency", "from_currency",
            "to_currency", "reference", "reason", "source_of_funds",
            "sender_id", "sender_name", "sender_email", "sender_street", "sender_country",
            "recipient_id", "recipient_name", "recipient_account_type", "recipient_account", "recipient_bank_code",
            "recipient_bic", "recipient_email", "recipient_street", "recipient_country");

    private FxPaymentColumns() {}
}
