package io.flashbridge.instruction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Row validation: each problem names its column and says what would be accepted. */
class PayoutValidatorTest {

    @Test
    void acceptsABsbPayoutAndNormalisesTheBsb() {
        PayoutValidator.Result result = validate(row("P1", "125.4", "062-000", "12345678", "Katarina Oreiro", "INV-1"));

        assertThat(result.accepted()).isTrue();
        assertThat(result.instruction().amount()).isEqualByComparingTo("125.40");
        assertThat(result.instruction().amount().scale()).isEqualTo(2);
        assertThat(((Payee.BankAccount) result.instruction().payee()).bsb()).isEqualTo("062000");
        assertThat(result.instruction().currency()).isEqualTo("AUD");
    }

    @Test
    void rejectsRowWithInvalidBsb() {
        assertThat(validate(row("P1", "1.00", "06-1021", "12345678", "Ann Lee", null)).problems())
                .containsExactly(new RowProblem("bsb", "\"06-1021\" must be 6 digits (e.g. 062-000)"));
    }

    @Test
    void rejectsAmountsThatAreNotPositiveDollarsWithTwoDecimals() {
        assertThat(validate(row("P1", "0", "062000", "12345678", "Ann Lee", null)).problems().get(0).field()).isEqualTo("amount");
        assertThat(validate(row("P1", "-5.00", "062000", "12345678", "Ann Lee", null)).problems().get(0).reason())
                .isEqualTo("\"-5.00\" must be more than 0");
        assertThat(validate(row("P1", "1.005", "062000", "12345678", "Ann Lee", null)).problems().get(0).reason())
                .contains("more than 2 decimal places");
        assertThat(validate(row("P1", "$1,000", "062000", "12345678", "Ann Lee", null)).problems().get(0).reason())
                .contains("no currency sign, no thousands separator");
    }

    @Test
    void rejectsNonAudPayouts() {
        PayoutFields usd = new PayoutFields("P1", "10.00", "USD", "062000", "12345678", "Ann Lee", null, null, null, null, null, null);

        assertThat(validate(usd).problems()).extracting(RowProblem::field).containsExactly("currency");
    }

    @Test
    void rejectsAccountNumbersThatAreNotFourToNineDigits() {
        assertThat(validate(row("P1", "1.00", "062000", "123", "Ann Lee", null)).problems()).extracting(RowProblem::field)
                .containsExactly("account_number");
        assertThat(validate(row("P1", "1.00", "062000", "1234567890", "Ann Lee", null)).problems()).extracting(RowProblem::field)
                .containsExactly("account_number");
    }

    @Test
    void acceptsPayIdPayoutsOfEachType() {
        assertThat(validate(payId("jane@example.com", "EMAIL")).accepted()).isTrue();
        assertThat(validate(payId("+61412345678", "PHONE")).accepted()).isTrue();
        assertThat(validate(payId("51824753556", "ABN")).accepted()).isTrue();
        assertThat(validate(payId("0412345678", "PHONE")).problems().get(0).reason()).contains("+61");
        assertThat(validate(payId("x@example.com", "TWITTER")).problems().get(0).field()).isEqualTo("payid_type");
    }

    @Test
    void refusesBothABankAccountAndAPayId() {
        PayoutFields both = new PayoutFields("P1", "1.00", null, "062000", "12345678", "Ann Lee", "a@b.com", "EMAIL", null, null, null, null);

        assertThat(validate(both).problems()).extracting(RowProblem::field).containsExactly("payid");
    }

    @Test
    void rejectsPlaceholderValues() {
        assertThat(validate(row("P1", "1.00", "062000", "12345678", "N/A", null)).problems())
                .extracting(RowProblem::field).contains("account_name");
    }

    @Test
    void rejectsALastNameThatFlashWouldReadAsAPlaceholder() {
        assertThat(validate(row("P1", "1.00", "062000", "12345678", "Payee Number nil", null)).problems().get(0).reason())
                .contains("placeholder");
    }

    @Test
    void rejectsPersonNamesWithDigitsOrThatLookLikeDomains() {
        assertThat(validate(row("P1", "1.00", "062000", "12345678", "Ben Smith.eu", null)).problems().get(0).reason())
                .contains("domain");
    }

    @Test
    void acceptsCompanyNamesWithAmpersandsAndNumbers() {
        assertThat(validate(row("P1", "1.00", "062000", "12345678", "Smith & Sons 2 Pty Ltd", null)).accepted()).isTrue();
        assertThat(PartyNames.toFlash("Smith & Sons 2 Pty Ltd")).containsOnlyKeys("companyName");
        assertThat(PartyNames.toFlash("Mary Ann Jones")).containsEntry("firstName", "Mary Ann").containsEntry("lastName", "Jones");
    }

    @Test
    void warnsWhenTheReferenceIsLongerThanDirectEntryShows() {
        PayoutValidator.Result result = validate(row("P1", "1.00", "062000", "12345678", "Ann Lee", "Invoice 2026-11-0042 November"));

        assertThat(result.accepted()).isTrue();
        assertThat(result.warnings()).singleElement().asString().contains("\"Invoice 2026-11-00\"");
    }

    @Test
    void transliteratesAccentsInTheReference() {
        PayoutValidator.Result result = validate(row("P1", "1.00", "062000", "12345678", "Zoë Adams", "Café crème"));

        assertThat(result.accepted()).isTrue();
        assertThat(result.instruction().reference()).isEqualTo("Cafe creme");
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("ASCII"));
    }

    @Test
    void rejectsReferencesThatCannotBeAscii() {
        assertThat(validate(row("P1", "1.00", "062000", "12345678", "Ann Lee", "付款")).problems())
                .extracting(RowProblem::field).containsExactly("reference");
    }

    @Test
    void derivesTheSameIdempotencyKeyForTheSameSourceAndPaymentIdOnly() {
        assertThat(IdempotencyKeys.of("erp", "P1")).isEqualTo(IdempotencyKeys.of("erp", "P1")).matches("fb1-[0-9a-f]{32}");
        assertThat(IdempotencyKeys.of("erp", "P1")).isNotEqualTo(IdempotencyKeys.of("jms", "P1"));
    }

    private static PayoutValidator.Result validate(PayoutFields row) {
        return PayoutValidator.validate("erp", row);
    }

    private static PayoutFields row(String id, String amount, String bsb, String account, String name, String reference) {
        return new PayoutFields(id, amount, "AUD", bsb, account, name, null, null, reference, null, null, null);
    }

    private static PayoutFields payId(String payId, String type) {
        return new PayoutFields("P1", "10.00", "AUD", null, null, "Jane Doe", payId, type, null, null, null, null);
    }
}
