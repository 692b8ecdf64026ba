package io.flashbridge.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.CsvLines;
import io.flashbridge.support.ErpTestSupport;
import io.flashbridge.support.SandboxServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A batch against a Flash that misbehaves in every documented way at once: a 429 burst with
 * Retry-After, 10 % HTTP 503, 5 % answers slower than the bridge's timeout, the token revoked in the
 * middle, and webhooks that never arrive. Every payout is still paid exactly once and reported, and
 * the sandbox's own log shows no call arrived while a Retry-After was running.
 */
@BridgeTest
@TestPropertySource(properties = {"flashbridge.submit.max-retries=12", "flashbridge.poller.period=500",
        "flashbridge.poller.quiet-for=500"})
class FlashFaultsTest extends ErpTestSupport {

    private static final String CLIENT = "faults-" + UUID.randomUUID().toString().substring(0, 8) + "@flashbridge.local";
    private static final String PASSWORD = "faults-test-password";
    private static final Duration PATIENCE = Duration.ofSeconds(180);
    private static final int ROWS = 60;
    /**
     * Calls already past the bridge's check when a 429 is answered cannot be called back; a second
     * is generous for them even on a loaded machine, and anything later must wait.
     */
    private static final Duration IN_FLIGHT = Duration.ofSeconds(1);

    @DynamicPropertySource
    static void ownAccount(DynamicPropertyRegistry registry) {
        ownClientAccount(registry, CLIENT, PASSWORD, "Unlucky Payments Pty Ltd", new BigDecimal("100000.00"));
    }

    @Override
    protected String flashClient() {
        return CLIENT;
    }

    @org.springframework.beans.factory.annotation.Autowired
    private io.flashbridge.flash.FlashSession session;

    @BeforeEach
    void webhooksNeverArrive() {
        SandboxServer.shared().sendWebhooksNowhere(CLIENT);
    }

    @AfterEach
    void clearFaults() {
        SandboxServer.shared().admin("DELETE", "faults", null);
    }

    @Test
    void paysEveryPayoutOnceThroughRateLimitsErrorsTimeoutsARevokedTokenAndLostWebhooks() throws Exception {
        SandboxServer sandbox = SandboxServer.shared();
        fault(Map.of("kind", "RATE_LIMIT", "count", 3, "retryAfterSeconds", 3));
        // A few of each for certain, then the same at random for the rest of the batch.
        fault(Map.of("kind", "SLOW", "delayMs", 4_000, "count", 2));
        fault(Map.of("kind", "STATUS", "status", 503, "count", 2));
        fault(Map.of("kind", "STATUS", "status", 503, "probability", 0.10));
        fault(Map.of("kind", "SLOW", "delayMs", 4_000, "probability", 0.05));
        String name = "faults-" + run;
        StringBuilder csv = new StringBuilder(CsvLines.PAYOUT_HEADER);
        for (int i = 1; i <= ROWS; i++) {
            csv.append("FLT-").append(run).append('-').append(i).append(",").append(i).append(".00,AUD,062000,12345678,Katarina Oreiro,,,FAULTS,,,\r\n");
        }
        erp.drop("outbox/payouts", name + ".csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        Awaitility.await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "select count(*) from instruction where payment_id like ? and flash_id is not null", Integer.class,
                "FLT-" + run + "-%") >= ROWS / 3);
        sandbox.admin("POST", "clients/" + CLIENT + "/revoke-tokens", null);

        Map<String, Map<String, String>> status = CsvLines.byPaymentId(erp.awaitFinalStatus(name, PATIENCE));

        assertThat(status).hasSize(ROWS);
        assertThat(status.values()).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("CONFIRMED"));
        Map<String, Integer> withdrawals = sandbox.withdrawalsByExternalId(CLIENT, PASSWORD);
        for (int i = 1; i <= ROWS; i++) {
            assertThat(withdrawals.get("FLT-" + run + "-" + i)).as("withdrawals of row %d", i).isEqualTo(1);
        }
        List<JsonNode> log = new ArrayList<>();
        sandbox.admin("GET", "requests?client=" + CLIENT, null).forEach(log::add);
        assertThat(log).filteredOn(request -> request.path("status").asInt() == 429).hasSizeGreaterThanOrEqualTo(3);
        assertThat(log).filteredOn(request -> request.path("status").asInt() == 503).isNotEmpty();
        assertThat(log).filteredOn(request -> Duration.between(time(request, "arrivedAt"), time(request, "answeredAt")).toMillis() >= 4_000)
                .as("answers slower than the bridge's timeout").isNotEmpty();
        assertThat(session.logins()).as("logged in again after the revocation").isGreaterThanOrEqualTo(2);
        for (JsonNode limited : log.stream().filter(request -> request.path("status").asInt() == 429).toList()) {
            Instant from = time(limited, "answeredAt").plus(IN_FLIGHT);
            Instant until = time(limited, "answeredAt").plusSeconds(limited.path("retryAfterSeconds").asInt());
            assertThat(log).as("calls that arrived while the Retry-After of the 429 at %s ran", time(limited, "answeredAt"))
                    .filteredOn(request -> time(request, "arrivedAt").isAfter(from) && time(request, "arrivedAt").isBefore(until))
                    .isEmpty();
        }
        assertThat(jdbc.queryForObject("select count(*) from audit a join instruction i on i.id = a.instruction_id "
                + "where i.payment_id like ? and a.event = 'withdrawal (poll)'", Integer.class, "FLT-" + run + "-%"))
                .as("outcomes read back by the poller, no webhook arriving").isGreaterThan(0);
    }

    /** A fault on this test's client's createWithdrawal calls only. */
    private static void fault(Map<String, Object> fault) {
        Map<String, Object> scoped = new java.util.HashMap<>(fault);
        scoped.put("operation", "createWithdrawal");
        scoped.put("client", CLIENT);
        SandboxServer.shared().admin("POST", "faults", scoped);
    }

    private static Instant time(JsonNode request, String field) {
        return Instant.parse(request.path(field).asText());
    }
}
