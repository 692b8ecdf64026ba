package io.flashbridge.instruction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FxPaymentValidatorTest {

    private static Map<String, String> good() {
        Map<String, String> row = new HashMap<>();
        row.put("payment_id", "FX-1");
        row.put("amount", "1000.00");
        row.put("to_currency", "EUR");
        row.put("reference", "INV 1");
        row.put("sender_id", "S-1");
        row.put("sender_name", "Acme Exports Pty Ltd");
        row.put("sender_street", "1 George St, Sydney NSW 2000");
        row.put("sender_country", "AU");
        row.put("recipient_id", "R-1");
        row.put("recipient_name", "Hans Muller");
        row.put("recipient_account_type", "IBAN");
        row.put("recipient_account", "DE89 3704 0044 0532 0130 00");
        row.put("recipient_country", "DE");
        return row;
    }

    private static FxPaymentValidator.Result validate(Map<String, String> row) {
        return FxPaymentValidator.validate("erp", new FxPaymentFields(row));
    }

    private static List<String> fields(FxPaymentValidator.Result result) {
        return result.problems().stream().map(RowProblem::field).toList();
    }

    @Test
    void acceptsAnIbanPaymentAndDefaultsToSendingAudFromTheAmount() {
        FxPaymentValidator.Result result = validate(good());

        assertThat(result.problems()).isEmpty();
        FxPayment payment = result.payment();
        assertThat(payment.fromCurrency()).isEqualTo("AUD");
        assertThat(payment.amountCurrency()).isEqualTo("AUD");
        assertThat(payment.recipient().account()).isEqualTo("DE89370400440532013000");
        assertThat(payment.recipient().toRecipientInput()).containsEntry("iban", "DE89370400440532013000")
                .containsEntry("currency", "EUR").containsEntry("lastName", "Muller").containsEntry("externalId", "R-1");
        assertThat(payment.sender().toSenderInput()).containsEntry("companyName", "Acme Exports Pty Ltd");
        assertThat(payment.idempotencyKey()).isEqualTo(IdempotencyKeys.of("erp", "FX-1"));
    }

    @Test
    void rejectsAnIbanWhoseCheckDigitsDoNotMatch() {
        Map<String, String> row = good();
        row.put("recipient_account", "DE89370400440532013001");

        assertThat(validate(row).problems()).singleElement().hasToString(
                "recipient_account: is not a valid IBAN: its check digits do not match (ending ****3001)");
    }

    @Test
    void rejectsEveryBadFieldAtOnce() {
        Map<String, String> row = good();
        row.put("amount", "-5");
        row.put("to_currency", "AUD");
        row.put("recipient_account_type", "SORT_CODE");
        row.put("recipient_account", "1234");
        row.put("sender_country", "Australia");
        row.put("recipient_id", "");

        assertThat(fields(validate(row))).containsExactlyInAnyOrder("amount", "to_currency", "recipient_account",
                "recipient_bank_code", "recipient_bic", "sender_country", "recipient_id");
    }

    @Test
    void sendsAnAustralianAccountToThePayoutFolder() {
        Map<String, String> row = good();
        row.put("recipient_account_type", "BSB");

        assertThat(validate(row).problems()).anySatisfy(problem -> assertThat(problem.reason()).contains("outbox/payouts"));
    }

    @Test
    void acceptsAnAmountInTheDeliveredCurrencyOnly() {
        Map<String, String> row = good();
        row.put("amount_currency", "EUR");
        assertThat(validate(row).payment().amountCurrency()).isEqualTo("EUR");

        row.put("amount_currency", "USD");
        assertThat(fields(validate(row))).containsExactly("amount_currency");
    }

    @Test
    void needsEitherNoSenderOrAWholeOne() {
        Map<String, String> noSender = good();
        List.of("sender_id", "sender_name", "sender_street", "sender_country").forEach(noSender::remove);
        assertThat(validate(noSender).payment().sender()).isNull();

        Map<String, String> half = good();
        half.remove("sender_street");
        assertThat(fields(validate(half))).containsExactly("sender_street");
    }

    @Test
    void acceptsASortCodeAccountWithItsBic() {
        Map<String, String> row = good();
        row.put("to_currency", "GBP");
        row.put("recipient_account_type", "sort_code");
        row.put("recipient_account", "12345678");
        row.put("recipient_bank_code", "40-47-84");
        row.put("recipient_bic", "midlgb22");

        FxPaymentValidator.Result result = validate(row);

        assertThat(result.problems()).isEmpty();
        assertThat(result.payment().recipient().toRecipientInput()).containsEntry("sortCode", "404784")
                .containsEntry("accountNo", "12345678").containsEntry("bic", "MIDLGB22").containsEntry("accountIdType", "SORT_CODE");
    }
}
