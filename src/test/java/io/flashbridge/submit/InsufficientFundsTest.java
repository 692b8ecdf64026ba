package io.flashbridge.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.ErpTestSupport;
import io.flashbridge.support.CsvLines;
import io.flashbridge.support.SandboxServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Flash client account of its own with 100 AUD: a payout it cannot cover waits for funds (not
 * final, not lost) while a later one the balance covers is paid, and it is paid once a test deposit
 * tops the balance up.
 */
@BridgeTest
class InsufficientFundsTest extends ErpTestSupport {

    private static final String CLIENT = "funds-" + UUID.randomUUID().toString().substring(0, 8) + "@flashbridge.local";
    private static final String PASSWORD = "funds-test-password";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String HEADER = "payment_id,amount,currency,bsb,account_number,account_name,payid,payid_type,reference,"
            + "remitter_name,reason,email\r\n";

    @DynamicPropertySource
    static void ownAccount(DynamicPropertyRegistry registry) {
        ownClientAccount(registry, CLIENT, PASSWORD, "Short Funds Pty Ltd", new BigDecimal("100.00"));
    }

    @Override
    protected String flashClient() {
        return CLIENT;
    }

    @Autowired
    private FundsWatcher funds;

    @Test
    void paysAPayoutRefusedForInsufficientFundsOnceADepositCoversIt() throws Exception {
        String name = "short-" + run;
        String big = "BIG-" + run;
        String small = "SMALL-" + run;
        erp.drop("outbox/payouts", name + ".csv", (HEADER
                + big + ",250.00,AUD,062000,12345678,Katarina Oreiro,,,RENT,,,\r\n").getBytes(StandardCharsets.UTF_8));
        Awaitility.await().atMost(PATIENCE).until(() -> "AWAITING_FUNDS".equals(status(big)));
        erp.drop("outbox/payouts", name + "-2.csv", (HEADER
                + small + ",20.00,AUD,062000,12345678,John Citizen,,,FEE,,,\r\n").getBytes(StandardCharsets.UTF_8));
        Awaitility.await().atMost(PATIENCE).until(() -> "CONFIRMED".equals(status(small)));
        assertThat(status(big)).isEqualTo("AWAITING_FUNDS");

        assertThat(erp.finalStatusExists(name)).as("a payout waiting for funds is not final").isFalse();
        assertThat(jdbc.queryForObject("select status_message from instruction where payment_id = ?", String.class, big))
                .startsWith("waiting for funds");

        SandboxServer.shared().admin("POST", "deposits", Map.of("client", CLIENT, "amount", new BigDecimal("500.00"),
                "externalReference", "TOP-UP " + run));

        Map<String, String> paid = CsvLines.byPaymentId(erp.awaitFinalStatus(name, PATIENCE)).get(big);
        assertThat(paid).containsEntry("status", "CONFIRMED").containsEntry("reject_code", "");
        List<String> bigTrail = jdbc.queryForList("select a.to_status from audit a join instruction i on i.id = a.instruction_id "
                + "where i.payment_id = ? order by a.id", String.class, big);
        assertThat(bigTrail).containsSubsequence("SUBMITTING", "AWAITING_FUNDS", "RECEIVED", "SUBMITTING", "INITIALISED", "CONFIRMED");
        assertThat(jdbc.queryForObject("select count(*) from audit a join instruction i on i.id = a.instruction_id "
                + "where i.payment_id = ? and a.to_status = 'INITIALISED'", Integer.class, big)).isEqualTo(1);
    }

    @Test
    void refusesAPayoutForGoodWhenTheWaitForFundsIsOver() throws Exception {
        String name = "never-" + run;
        String payout = "NEVER-" + run;
        dropPayoutTheBalanceCannotCover(name, payout);
        Awaitility.await().atMost(PATIENCE).until(() -> "AWAITING_FUNDS".equals(status(payout)));

        funds.release(0);

        Map<String, String> refused = CsvLines.byPaymentId(erp.awaitFinalStatus(name, PATIENCE)).get(payout);
        assertThat(refused).containsEntry("status", "API_REJECTED").containsEntry("reject_code", "INSUFFICIENT_FUNDS");
        assertThat(refused.get("status_message")).startsWith("insufficient funds for PT0S");
    }

    @Test
    void refusesAPayoutWhoseStartOfTheWaitWasNeverRecorded() throws Exception {
        String name = "unmarked-" + run;
        String payout = "UNMARKED-" + run;
        dropPayoutTheBalanceCannotCover(name, payout);
        Awaitility.await().atMost(PATIENCE).until(() -> jdbc.queryForObject("select count(*) from instruction "
                + "where payment_id = ? and awaiting_funds_since is not null", Integer.class, payout) == 1);
        // As if the bridge had stopped between the change to AWAITING_FUNDS and recording when the wait began.
        jdbc.update("update instruction set awaiting_funds_since = null where payment_id = ?", payout);

        funds.release(0);

        Map<String, String> refused = CsvLines.byPaymentId(erp.awaitFinalStatus(name, PATIENCE)).get(payout);
        assertThat(refused).containsEntry("status", "API_REJECTED").containsEntry("reject_code", "INSUFFICIENT_FUNDS");
    }

    /** A one-row file of 5,000 AUD: more than the test's client account will ever hold. */
    private void dropPayoutTheBalanceCannotCover(String name, String payout) throws Exception {
        erp.drop("outbox/payouts", name + ".csv", (HEADER
                + payout + ",5000.00,AUD,062000,12345678,Katarina Oreiro,,,BONUS,,,\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private String status(String paymentId) {
        return jdbc.queryForList("select status from instruction where payment_id = ?", String.class, paymentId)
                .stream().findFirst().orElse(null);
    }
}
