package io.flashbridge.flash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.BridgeTestSupport;
import io.flashbridge.support.Hmac;
import io.flashbridge.support.SandboxServer;
import io.flashbridge.support.WebhookRecorder;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every UAT keyword lifecycle, FX payments and deposits, driven through the Flash client:
 * statuses, the webhook sequence (each signature checked with an independent HMAC) and the
 * balance moves of flash-api.md 9.1.
 */
@BridgeTest
class FlashLifecyclesTest extends BridgeTestSupport {

    private static final BigDecimal FEE = new BigDecimal("0.50");
    private static WebhookRecorder webhooks;

    @Autowired
    FlashClient flash;

    @BeforeAll
    static void registerWebhookEndpoint() throws IOException {
        webhooks = new WebhookRecorder();
        SandboxServer.shared().registerWebhook(SandboxServer.DEMO_EMAIL, webhooks.url("/webhooks/flash"));
    }

    @AfterAll
    static void stopRecorder() {
        webhooks.close();
    }

    @Test
    void paysOutStraightThroughWithoutKeyword() {
        BigDecimal before = clearedAud();

        String id = create("100.00", "INV-1");

        assertThat(webhooks.awaitEvent(id, "withdrawal_completed"))
                .containsExactly("withdrawal_initiated", "withdrawal_pending", "withdrawal_completed");
        assertThat(status(id)).isEqualTo("CONFIRMED");
        assertThat(flash.withdrawal(id).path("clearedAt").isTextual()).isTrue();
        assertThat(clearedAud()).isEqualByComparingTo(before.subtract(new BigDecimal("100.00")).subtract(FEE));
        assertSigned(webhooks.forEntity(id));
    }

    @Test
    void cancelsOnFailAmlAndReturnsAmountButKeepsFee() {
        BigDecimal before = clearedAud();

        String id = create("200.00", "testing FAIL_AML attempt 4");

        assertThat(webhooks.awaitEvent(id, "withdrawal_cancelled")).containsExactly("withdrawal_initiated", "withdrawal_cancelled");
        JsonNode cancelled = webhooks.forEntity(id).get(1).json();
        assertThat(cancelled.path("rejectCode").asText()).isEqualTo("COMPLIANCE_DECLINED");
        assertThat(cancelled.path("statusMessage").asText()).isNotBlank();
        assertThat(cancelled.path("rejectedAt").isTextual()).isTrue();
        assertThat(status(id)).isEqualTo("CANCELLED");
        assertThat(clearedAud()).isEqualByComparingTo(before.subtract(FEE));
    }

    @Test
    void holdsHaltAmlInReviewForever() {
        BigDecimal before = clearedAud();

        String halted = create("300.00", "HALT_AML");
        webhooks.awaitEvent(halted, "withdrawal_reviewing");
        // A later straight-through payout takes longer than the compliance step; once it is done,
        // the halted one has had every chance to move on.
        String later = create("1.00", "AFTER-HALT");
        webhooks.awaitEvent(later, "withdrawal_completed");

        assertThat(webhooks.eventsFor(halted)).containsExactly("withdrawal_initiated", "withdrawal_reviewing");
        assertThat(status(halted)).isEqualTo("REVIEWING");
        assertThat(clearedAud()).isEqualByComparingTo(before.subtract(new BigDecimal("301.00")).subtract(FEE).subtract(FEE));
    }

    @Test
    void releasesPushAmlAfterRecordedReview() {
        String id = create("40.00", "PUSH_AML");

        assertThat(webhooks.awaitEvent(id, "withdrawal_completed")).containsExactly(
                "withdrawal_initiated", "withdrawal_reviewing", "withdrawal_pending", "withdrawal_completed");
        assertThat(webhooks.forEntity(id).get(1).json().path("statusMessage").asText()).isEqualTo("Awaiting manual compliance");
        assertThat(status(id)).isEqualTo("CONFIRMED");
    }

    @Test
    void raisesRfiAndHoldsSendRfiInReview() {
        String id = create("55.00", "SEND_RFI");

        webhooks.awaitEvent(id, "withdrawal_reviewing");
        Awaitility.await().until(() -> webhooks.all().stream().anyMatch(d -> d.event().equals("rfi_created")
                && d.json().path("withdrawalIds").toString().contains(id)));
        assertThat(status(id)).isEqualTo("REVIEWING");
    }

    @Test
    void returnsFailAccAfterConfirmationAndRefundsAmount() {
        BigDecimal before = clearedAud();

        String id = create("75.25", "FAIL_ACC");

        assertThat(webhooks.awaitEvent(id, "withdrawal_refunded")).containsExactly("withdrawal_initiated",
                "withdrawal_pending", "withdrawal_completed", "withdrawal_failed", "withdrawal_refunded");
        JsonNode refunded = webhooks.forEntity(id).get(4).json();
        assertThat(refunded.path("refundAmount").decimalValue()).isEqualByComparingTo("75.25");
        assertThat(refunded.path("refundReason").asText()).isNotBlank();
        assertThat(refunded.path("recipient").path("bsb").asText()).isEqualTo("062000");
        assertThat(status(id)).isEqualTo("REFUNDED");
        assertThat(clearedAud()).isEqualByComparingTo(before.subtract(FEE));
        assertSigned(webhooks.forEntity(id));
    }

    @Test
    void carriesTheFieldsFlashDocumentsInWithdrawalWebhooks() {
        String id = create("12.00", "FIELDS");

        webhooks.awaitEvent(id, "withdrawal_completed");
        JsonNode completed = webhooks.forEntity(id).get(2).json();
        assertThat(completed.path("event").asText()).isEqualTo("withdrawal_completed");
        assertThat(completed.path("eventScheduledAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(completed.path("amount").decimalValue()).isEqualByComparingTo("12.00");
        assertThat(completed.path("totalFee").decimalValue()).isEqualByComparingTo(FEE);
        assertThat(completed.path("currency").asText()).isEqualTo("AUD");
        assertThat(completed.path("externalId").asText()).startsWith("PAY-");
        assertThat(completed.path("statusMessage").asText()).isEqualTo("Transaction Confirmed");
        assertThat(completed.path("clearedAt").isTextual()).isTrue();
        WebhookRecorder.Delivery delivery = webhooks.forEntity(id).get(2);
        assertThat(delivery.header("user-agent")).isEqualTo("FlashFX");
        assertThat(delivery.header("content-type")).startsWith("application/json");
        assertThat(delivery.header("flashfx-request-id")).isNotBlank();
    }

    @Test
    void retriesFailedDeliveriesWithTheSameRequestIdUntilAcknowledged() {
        Map<String, Object> input = Payouts.payout("5.00", "RETRY-CHECK");
        webhooks.failNext(2, input.get("externalId").toString());

        String id = flash.createWithdrawal(input).path("id").asText();

        // Two deliveries answered 500 are sent again: 3 events, 5 deliveries in all.
        Awaitility.await().until(() -> webhooks.forEntity(id).size() == 5);
        Map<String, List<WebhookRecorder.Delivery>> byRequestId = webhooks.forEntity(id).stream()
                .collect(java.util.stream.Collectors.groupingBy(d -> d.header("flashfx-request-id")));
        assertThat(byRequestId).hasSize(3);
        assertThat(byRequestId.values()).allSatisfy(attempts -> assertThat(attempts)
                .extracting(d -> new String(d.body(), StandardCharsets.UTF_8)).containsOnly(
                        new String(attempts.get(0).body(), StandardCharsets.UTF_8)));
        assertThat(byRequestId.get(webhooks.forEntity(id).get(0).header("flashfx-request-id"))).hasSizeGreaterThan(1);
    }

    @Test
    void sendsAdHocCallbacksToTheCallbackUri() {
        Map<String, Object> input = Payouts.payout("9.00", "CALLBACK");
        String token = URLEncoder.encode(Hmac.base64("client-secret", input.get("externalId").toString().getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        input.put("callbackUri", webhooks.url("/webhooks/flash/callback?signature=" + token));

        String id = flash.createWithdrawal(input).path("id").asText();

        Awaitility.await().until(() -> webhooks.forEntity(id).stream()
                .filter(d -> d.path().equals("/webhooks/flash/callback") && d.event().equals("withdrawal_completed")).count() == 1);
        WebhookRecorder.Delivery callback = webhooks.forEntity(id).stream()
                .filter(d -> d.path().equals("/webhooks/flash/callback")).findFirst().orElseThrow();
        assertThat(callback.query()).isEqualTo("signature=" + java.net.URLDecoder.decode(token, StandardCharsets.UTF_8));
        assertThat(callback.header("flashfx-signature")).isEqualTo(Hmac.base64(SandboxServer.CALLBACK_SECRET, callback.body()));
    }

    @Test
    void convertsAndClosesFxPayment() {
        JsonNode payment = flash.createPayment(fxPayment("500.00", "FX-OK"));
        String id = payment.path("id").asText();

        assertThat(webhooks.awaitEvent(id, "payment_complete")).containsExactly("currency_converted", "payment_complete");
        JsonNode converted = webhooks.forEntity(id).get(0).json();
        assertThat(converted.path("fromAmount").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(converted.path("toCurrency").asText()).isEqualTo("USD");
        assertThat(converted.path("toAmount").decimalValue()).isEqualByComparingTo("325.00");
        assertThat(flash.call(FlashOperation.PAYMENT, id).path("status").asText()).isEqualTo("CLOSED");
    }

    @Test
    void failsFxPaymentOnSimulatorKeywordAndReturnsTheSourceAmount() {
        BigDecimal before = clearedAud();

        String id = flash.createPayment(fxPayment("800.00", "FX FAIL_PAYMENT")).path("id").asText();

        assertThat(webhooks.awaitEvent(id, "payment_failed")).containsExactly("currency_converted", "payment_failed");
        assertThat(flash.call(FlashOperation.PAYMENT, id).path("status").asText()).isEqualTo("FAILED");
        assertThat(clearedAud()).isEqualByComparingTo(before.subtract(new BigDecimal("5.00")));
    }

    @Test
    void booksTestDepositToASubClientVan() {
        BigDecimal before = clearedAud();

        String id = SandboxServer.shared().admin("POST", "deposits", Map.of("amount", 1500, "externalReference", "INV-77",
                "subClientId", "5f0c1b2a3d4e5f6a7b8c9d0e", "review", true)).path("id").asText();

        assertThat(webhooks.awaitEvent(id, "deposit_cleared"))
                .containsExactly("deposit_initiated", "deposit_reviewing", "deposit_cleared");
        JsonNode cleared = webhooks.forEntity(id).get(2).json();
        assertThat(cleared.path("externalReference").asText()).isEqualTo("INV-77");
        assertThat(cleared.path("subClient").path("externalId").asText()).isEqualTo("SUB-001");
        assertThat(cleared.path("recipient").path("accountNo").asText()).isEqualTo("900000001");
        assertThat(clearedAud()).isEqualByComparingTo(before.add(new BigDecimal("1500")));
        assertSigned(webhooks.forEntity(id));
    }

    @Test
    void receivesInboundFxPaymentIntoAud() {
        BigDecimal before = clearedAud();

        String id = SandboxServer.shared().admin("POST", "inbound-payments", Map.of("fromCurrency", "EUR", "fromAmount", 60))
                .path("id").asText();

        assertThat(webhooks.awaitEvent(id, "payment_complete")).containsExactly("payment_created", "payment_complete");
        assertThat(clearedAud()).isEqualByComparingTo(before.add(new BigDecimal("100.00")));
    }

    private String create(String amount, String reference) {
        return flash.createWithdrawal(Payouts.payout(amount, reference)).path("id").asText();
    }

    private String status(String id) {
        return flash.withdrawal(id).path("status").asText();
    }

    private BigDecimal clearedAud() {
        return flash.balances(List.of("AUD")).get(0).path("cleared").decimalValue();
    }

    private static Map<String, Object> fxPayment(String aud, String reference) {
        return Map.of("fromCurrency", "AUD", "toCurrency", "USD", "size", new BigDecimal(aud), "currency", "AUD",
                "reason", "BUSINESS", "externalReference", reference, "externalId", "FX-" + reference.hashCode(),
                "recipient", Map.of("companyName", "US Vendor Inc", "accountIdType", "ABA", "currency", "USD",
                        "aba", "026009593", "accountNo", "123456789", "bic", "BOFAUS3N",
                        "address", Map.of("country", "US", "street", "1 Main St, New York NY 10001")));
    }

    private static void assertSigned(List<WebhookRecorder.Delivery> deliveries) {
        assertThat(deliveries).isNotEmpty().allSatisfy(delivery -> assertThat(delivery.header("flashfx-signature"))
                .isEqualTo(Hmac.base64(SandboxServer.WEBHOOK_SECRET, delivery.body())));
    }
}
