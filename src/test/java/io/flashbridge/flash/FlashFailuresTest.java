package io.flashbridge.flash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.BridgeTestSupport;
import io.flashbridge.support.SandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Flash's three failure layers reach the bridge as distinct exceptions: transient (429, 5xx,
 * timeouts: retry) and rejections (GraphQL errors, {@code success: false}: never retry); and
 * idempotency keys make a resend harmless.
 */
@BridgeTest
class FlashFailuresTest extends BridgeTestSupport {

    @Autowired
    FlashClient flash;

    @AfterEach
    void clearFaults() {
        SandboxServer.shared().admin("DELETE", "faults", null);
    }

    @Test
    void reportsRateLimitWithFlashsRetryAfter() {
        flash.balances(List.of("AUD"));
        injectFault(Map.of("kind", "RATE_LIMIT", "count", 1, "retryAfterSeconds", 7, "operation", "balances"));

        assertThatThrownBy(() -> flash.balances(List.of("AUD")))
                .isInstanceOfSatisfying(FlashRateLimitedException.class, e -> {
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                    assertThat(e.isRetryable()).isTrue();
                });
        assertThat(flash.balances(List.of("AUD"))).hasSize(1);
    }

    @Test
    void reportsServerErrorAsTransient() {
        flash.balances(List.of("AUD"));
        injectFault(Map.of("kind", "STATUS", "count", 1, "status", 503, "operation", "createWithdrawal"));

        assertThatThrownBy(() -> flash.createWithdrawal(Payouts.payout("1.00", "FAULT")))
                .isInstanceOfSatisfying(FlashUnavailableException.class, e -> {
                    assertThat(e.httpStatus()).contains(503);
                    assertThat(e.isRetryable()).isTrue();
                });
    }

    @Test
    void reportsSlowAnswerBeyondTheResponseTimeoutAsTransient() {
        flash.balances(List.of("AUD"));
        injectFault(Map.of("kind", "SLOW", "count", 1, "delayMs", 4500, "operation", "balances"));

        assertThatThrownBy(() -> flash.balances(List.of("AUD")))
                .isInstanceOfSatisfying(FlashUnavailableException.class, e -> {
                    assertThat(e.httpStatus()).isEmpty();
                    assertThat(e.isRetryable()).isTrue();
                });
    }

    @Test
    void rejectsNonAsciiReferenceAsBadUserInput() {
        assertBadUserInput(Payouts.payout("10.00", "Café invoice"), "input.externalReference");
    }

    @Test
    void rejectsRecipientNameWithDigits() {
        Map<String, Object> input = Payouts.payout("10.00", "NAME");
        recipientOf(input).put("firstName", "J0hn");

        assertBadUserInput(input, "input.recipient.firstName");
    }

    @Test
    void rejectsPlaceholderValues() {
        Map<String, Object> input = Payouts.payout("10.00", "PLACEHOLDER");
        recipientOf(input).put("email", "N/A");

        assertBadUserInput(input, "input.recipient.email");
    }

    @Test
    void rejectsNameThatLooksLikeADomain() {
        Map<String, Object> input = Payouts.payout("10.00", "DOMAIN");
        recipientOf(input).put("lastName", "Ben.eu");

        assertBadUserInput(input, "input.recipient.lastName");
    }

    @Test
    void rejectsAustralianPayoutToAnIban() {
        Map<String, Object> input = Payouts.payout("10.00", "IBAN");
        recipientOf(input).put("accountIdType", "IBAN");
        recipientOf(input).put("iban", "DE89370400440532013000");

        assertBadUserInput(input, "input.recipient.accountIdType");
    }

    @Test
    void rejectsAmountWithThreeDecimals() {
        assertBadUserInput(Payouts.payout("10.005", "DECIMALS"), "input.amount");
    }

    @Test
    void rejectsPayoutLargerThanTheBalanceWithoutRetry() {
        assertThatThrownBy(() -> flash.createWithdrawal(Payouts.payout("999999999.00", "TOO-MUCH")))
                .isInstanceOfSatisfying(FlashRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo("INSUFFICIENT_FUNDS");
                    assertThat(e.isRetryable()).isFalse();
                });
    }

    @Test
    void rejectsUnknownRecipientId() {
        Map<String, Object> input = Payouts.payout("10.00", "UNKNOWN");
        input.remove("recipient");
        input.put("recipientId", "0123456789abcdef01234567");

        assertThatThrownBy(() -> flash.createWithdrawal(input))
                .isInstanceOfSatisfying(FlashRejectedException.class, e -> assertThat(e.code()).isEqualTo("NOT_FOUND"));
    }

    @Test
    void replaysTheOriginalWithdrawalForARepeatedIdempotencyKeyWithoutASecondDebit() {
        Map<String, Object> input = Payouts.payout("33.00", "HALT_AML replay");
        BigDecimal before = clearedAud();

        JsonNode first = flash.createWithdrawal(input);
        JsonNode again = flash.createWithdrawal(new HashMap<>(input));

        assertThat(again.path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(clearedAud()).isEqualByComparingTo(before.subtract(new BigDecimal("33.50")));
    }

    @Test
    void refusesTheSameIdempotencyKeyWithADifferentPayload() {
        Map<String, Object> input = Payouts.payout("20.00", "HALT_AML conflict");
        flash.createWithdrawal(input);
        Map<String, Object> changed = new HashMap<>(input);
        changed.put("amount", new BigDecimal("21.00"));

        assertThatThrownBy(() -> flash.createWithdrawal(changed))
                .isInstanceOfSatisfying(FlashRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo("IDEMPOTENCY_CONFLICT");
                    assertThat(e.isRetryable()).isFalse();
                });
    }

    private void assertBadUserInput(Map<String, Object> input, String field) {
        assertThatThrownBy(() -> flash.createWithdrawal(input))
                .isInstanceOfSatisfying(FlashGraphQlErrorException.class, e -> {
                    assertThat(e.code()).isEqualTo("BAD_USER_INPUT");
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.reason()).startsWith(field + ":");
                    assertThat(e.isRetryable()).isFalse();
                });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> recipientOf(Map<String, Object> input) {
        return (Map<String, Object>) input.get("recipient");
    }

    private BigDecimal clearedAud() {
        return flash.balances(List.of("AUD")).get(0).path("cleared").decimalValue();
    }

    private static void injectFault(Map<String, Object> fault) {
        SandboxServer.shared().admin("POST", "faults", fault);
    }
}
