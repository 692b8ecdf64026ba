package io.flashbridge.flash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.BridgeTestSupport;
import io.flashbridge.support.SandboxServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Flash client drives every operation the bridge uses against the sandbox over real HTTP. */
@BridgeTest
class FlashClientOperationsTest extends BridgeTestSupport {

    @Autowired
    FlashClient flash;

    @Test
    void readsBalancesPerCurrency() {
        JsonNode balances = flash.balances(List.of("AUD"));

        assertThat(balances).hasSize(1);
        assertThat(balances.get(0).path("currency").asText()).isEqualTo("AUD");
        assertThat(balances.get(0).path("cleared").decimalValue()).isPositive();
        assertThat(balances.get(0).has("pending")).isTrue();
    }

    @Test
    void createsWithdrawalAndFindsItByIdAndByFilters() {
        Map<String, Object> input = Payouts.payout("125.40", "INV-1001");

        JsonNode created = flash.createWithdrawal(input);

        assertThat(created.path("id").asText()).matches("[0-9a-f]{24}");
        assertThat(created.path("status").asText()).isEqualTo("INITIALISED");
        assertThat(created.path("amount").decimalValue()).isEqualByComparingTo("125.40");
        assertThat(created.path("externalId").asText()).isEqualTo(input.get("externalId"));
        assertThat(flash.withdrawal(created.path("id").asText()).path("externalId").asText()).isEqualTo(input.get("externalId"));
        JsonNode byExternalId = flash.call(FlashOperation.WITHDRAWALS, Map.of("externalId", input.get("externalId")));
        assertThat(byExternalId).hasSize(1);
        JsonNode byStatusAndDate = flash.call(FlashOperation.WITHDRAWALS, Map.of(
                "statuses", List.of("INITIALISED", "PENDING", "CONFIRMED"),
                "maxCreatedAt", LocalDate.now(ZoneOffset.UTC).toString()));
        assertThat(byStatusAndDate.findValuesAsText("id")).contains(created.path("id").asText());
    }

    @Test
    void answersNullForUnknownWithdrawal() {
        assertThat(flash.withdrawal("0123456789abcdef01234567").isNull()).isTrue();
    }

    @Test
    void createsSenderAndFindsIt() {
        JsonNode reply = flash.call(FlashOperation.CREATE_SENDER, Map.of(
                "firstName", "Malcolm", "lastName", "Jezebel", "email", "malcolm@example.com",
                "address", Map.of("country", "AU", "street", "1 George St, Sydney NSW 2000")));

        JsonNode sender = reply.path("sender");
        assertThat(reply.path("code").asText()).isEqualTo("CREATED");
        assertThat(sender.path("nickName").asText()).isEqualTo("MalcolmJez");
        assertThat(flash.call(FlashOperation.SENDER, sender.path("id").asText()).path("email").asText())
                .isEqualTo("malcolm@example.com");
        assertThat(flash.call(FlashOperation.SENDERS, Map.of("email", "malcolm@example.com")).findValuesAsText("id"))
                .contains(sender.path("id").asText());
    }

    @Test
    void createsRecipientAndPaysItByIdWithAnFxPayment() {
        JsonNode reply = flash.call(FlashOperation.CREATE_RECIPIENT, Map.of(
                "companyName", "Euro Supplies GmbH", "accountIdType", "IBAN", "currency", "EUR",
                "iban", "DE89370400440532013000", "externalId", "SUP-77",
                "address", Map.of("country", "DE", "street", "Hauptstrasse 1, 10115 Berlin")));
        String recipientId = reply.path("recipient").path("id").asText();
        assertThat(flash.call(FlashOperation.RECIPIENT, recipientId).path("accountIdType").asText()).isEqualTo("IBAN");
        assertThat(flash.call(FlashOperation.RECIPIENTS, Map.of("externalId", "SUP-77")).findValuesAsText("id")).contains(recipientId);

        JsonNode payment = flash.createPayment(Map.of(
                "fromCurrency", "AUD", "toCurrency", "EUR", "size", new BigDecimal("1000.00"), "currency", "AUD",
                "reason", "BUSINESS", "sourceOfFunds", "BUSINESS_FUNDS", "recipientId", recipientId,
                "externalId", "FX-1", "idempotencyKey", "test:FX-1:" + recipientId));

        assertThat(payment.path("status").asText()).isEqualTo("OPEN");
        assertThat(payment.path("toAmount").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(flash.call(FlashOperation.PAYMENT, payment.path("id").asText()).path("externalId").asText()).isEqualTo("FX-1");
        assertThat(flash.call(FlashOperation.PAYMENTS, Map.of("toCurrencies", List.of("EUR"))).findValuesAsText("id"))
                .contains(payment.path("id").asText());
    }

    @Test
    void listsDepositsAndRefundsOne() {
        String depositId = SandboxServer.shared().admin("POST", "deposits", Map.of(
                "amount", 250, "externalReference", "INV-2042", "payerName", "Big Customer Ltd")).path("id").asText();
        org.awaitility.Awaitility.await().until(() ->
                flash.call(FlashOperation.DEPOSIT, depositId).path("status").asText().equals("CONFIRMED"));

        JsonNode deposit = flash.call(FlashOperation.DEPOSIT, depositId);
        assertThat(deposit.path("externalReference").asText()).isEqualTo("INV-2042");
        assertThat(deposit.path("sender").path("accountName").asText()).isEqualTo("Big Customer Ltd");
        assertThat(flash.call(FlashOperation.DEPOSITS, Map.of("statuses", List.of("CONFIRMED"))).findValuesAsText("id"))
                .contains(depositId);

        JsonNode refund = flash.refundDeposit(depositId, Map.of("amount", new BigDecimal("100.00"), "reason", "sent by mistake"));

        assertThat(refund.path("code").asText()).isEqualTo("REFUND_SENT");
        org.awaitility.Awaitility.await().until(() ->
                flash.call(FlashOperation.DEPOSIT, depositId).path("status").asText().equals("REFUNDED"));
        assertThatThrownBy(() -> flash.refundDeposit(depositId, Map.of()))
                .isInstanceOfSatisfying(FlashRejectedException.class, e -> assertThat(e.code()).isEqualTo("INVALID_STATUS"));
    }

    @Test
    void readsTheOneDayStatement() {
        flash.createWithdrawal(Payouts.payout("10.00", "STATEMENT-CHECK"));

        JsonNode statement = flash.call(FlashOperation.STATEMENT,
                Map.of("fromDate", LocalDate.now(ZoneOffset.UTC) + "T00:00:00Z", "currency", "AUD"));

        assertThat(statement.path("code").asText()).isEqualTo("GENERATED");
        assertThat(statement.path("toDate").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(1) + "T00:00:00.000Z");
        assertThat(statement.path("rows").findValues("debit")).anySatisfy(debit ->
                assertThat(debit.decimalValue()).isEqualByComparingTo("10.00"));
    }
}
