package io.flashbridge.instruction;

import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of checking one row or message of either kind, as the ledger records it: the
 * instruction ({@link PaymentInstruction} or {@link FxPayment}) with its kind, amount and key, and
 * warnings; or the problems.
 *
 * @param kind {@code WITHDRAWAL} (a payout, {@code createWithdrawal}) or {@code PAYMENT} (an FX payment, {@code createPayment})
 */
public record Validation(String kind, Object instruction, String paymentId, BigDecimal amount, String currency,
                         String idempotencyKey, List<String> warnings, List<RowProblem> problems) {

    public static final String WITHDRAWAL = "WITHDRAWAL";
    public static final String PAYMENT = "PAYMENT";

    public boolean accepted() {
        return problems.isEmpty();
    }

    /** Checks {@code fields} with the validator of their kind. */
    public static Validation of(String source, RowFields fields) {
        if (fields instanceof FxPaymentFields payment) {
            FxPaymentValidator.Result result = FxPaymentValidator.validate(source, payment);
            FxPayment fx = result.payment();
            return fx == null
                    ? new Validation(PAYMENT, null, null, null, null, null, List.of(), result.problems())
                    : new Validation(PAYMENT, fx, fx.paymentId(), fx.amount(), fx.amountCurrency(), fx.idempotencyKey(),
                    result.warnings(), List.of());
        }
        PayoutValidator.Result result = PayoutValidator.validate(source, (PayoutFields) fields);
        PaymentInstruction payout = result.instruction();
        return payout == null
                ? new Validation(WITHDRAWAL, null, null, null, null, null, List.of(), result.problems())
                : new Validation(WITHDRAWAL, payout, payout.paymentId(), payout.amount(), payout.currency(),
                payout.idempotencyKey(), result.warnings(), List.of());
    }
}
