package io.flashbridge.instruction;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One international payment with currency conversion ({@code createPayment}), from a payments file
 * or a JMS message.
 *
 * @param amount major units, 2 decimals, in {@code amountCurrency}
 * @param amountCurrency {@code fromCurrency} (send this much) or {@code toCurrency} (deliver this much)
 * @param sender the ultimate payer; null when the company pays in its own name
 */
public record FxPayment(String source, String paymentId, BigDecimal amount, String amountCurrency, String fromCurrency,
                        String toCurrency, String reference, String reason, String sourceOfFunds, FxParty sender,
                        FxParty recipient) {

    /** Derived like a payout's: the same payment always carries the same key to Flash. */
    @JsonIgnore
    public String idempotencyKey() {
        return IdempotencyKeys.of(source, paymentId);
    }
}
