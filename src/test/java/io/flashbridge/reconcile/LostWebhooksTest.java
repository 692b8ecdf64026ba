package io.flashbridge.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.CsvLines;
import io.flashbridge.support.ErpTestSupport;
import io.flashbridge.support.FxPaymentRows;
import io.flashbridge.support.SandboxServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Flash gave up delivering the webhooks: the poller reads the outcomes back and the batch is still reported. */
@BridgeTest
@TestPropertySource(properties = {"flashbridge.poller.period=500", "flashbridge.poller.quiet-for=500"})
class LostWebhooksTest extends ErpTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    private WithdrawalPoller poller;

    @BeforeEach
    void sendFlashWebhooksWhereNothingListens() {
        SandboxServer.shared().sendWebhooksNowhere(SandboxServer.DEMO_EMAIL);
    }

    @AfterEach
    void sendFlashWebhooksToTheBridgeAgain() {
        SandboxServer.shared().registerWebhook(SandboxServer.DEMO_EMAIL, "http://localhost:" + port + "/webhooks/flash");
    }

    @Test
    void readsOutcomesBackFromFlashWhenNoWebhookComes() throws IOException {
        String name = "lost-" + run;
        String confirmed = "LW-" + run + "-1";
        String cancelled = "LW-" + run + "-2";
        erp.drop("outbox/payouts", name + ".csv", (CsvLines.PAYOUT_HEADER
                + confirmed + ",20.00,AUD,062000,12345678,Katarina Oreiro,,,LOST-1,,,\r\n"
                + cancelled + ",30.00,AUD,062000,12345678,John Citizen,,,FAIL_AML,,,\r\n").getBytes(StandardCharsets.UTF_8));

        Map<String, Map<String, String>> status = CsvLines.byPaymentId(erp.awaitFinalStatus(name, PATIENCE));

        assertThat(status.get(confirmed)).containsEntry("status", "CONFIRMED");
        assertThat(status.get(cancelled)).containsEntry("status", "CANCELLED");
        assertThat(status.get(cancelled).get("reject_code")).isNotBlank();
        List<String> events = jdbc.queryForList("select a.event from audit a join instruction i on i.id = a.instruction_id "
                + "where i.payment_id in (?, ?) and a.to_status in ('CONFIRMED', 'CANCELLED')", String.class, confirmed, cancelled);
        assertThat(events).containsExactly(WithdrawalPoller.EVENT, WithdrawalPoller.EVENT);
        assertThat(jdbc.queryForObject("select count(*) from webhook_event e join instruction i on i.flash_id = e.entity_id "
                + "where i.payment_id in (?, ?)", Integer.class, confirmed, cancelled)).isZero();
    }

    @Test
    void findsABankReturnOfAConfirmedPayoutWhenNoWebhookComes() throws IOException {
        String name = "lost-return-" + run;
        String returned = "LWR-" + run + "-1";
        erp.drop("outbox/payouts", name + ".csv", (CsvLines.PAYOUT_HEADER
                + returned + ",40.00,AUD,062000,12345678,Katarina Oreiro,,,RETURN-1,,,\r\n").getBytes(StandardCharsets.UTF_8));
        Map<String, String> confirmed = CsvLines.byPaymentId(erp.awaitFinalStatus(name, PATIENCE)).get(returned);
        assertThat(confirmed).containsEntry("status", "CONFIRMED");

        SandboxServer.shared().admin("POST", "withdrawals/" + confirmed.get("flash_id") + "/return", null);
        // Flash allows one login a second: a run that meets the limit finds nothing and the next one asks again.
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(1100)).until(() -> {
            poller.pollReturns(30);
            return "REFUNDED".equals(jdbc.queryForObject("select status from instruction where payment_id = ?", String.class, returned));
        });

        assertThat(erp.awaitStatusRow(name, returned, "REFUNDED", PATIENCE)).containsEntry("previous_status", "CONFIRMED");
        List<String> steps = jdbc.queryForList("select a.from_status || '>' || a.to_status || ' ' || a.event from audit a "
                + "join instruction i on i.id = a.instruction_id where i.payment_id = ? and a.from_status in ('CONFIRMED', 'FAILED') "
                + "order by a.id", String.class, returned);
        assertThat(steps).containsExactly("CONFIRMED>FAILED " + WithdrawalPoller.EVENT, "FAILED>REFUNDED " + WithdrawalPoller.EVENT);
    }

    @Test
    void readsFxPaymentOutcomesBackFromFlashWhenNoWebhookComes() throws IOException {
        String name = "lost-fx-" + run;
        String closed = "LWFX-" + run + "-1";
        String failed = "LWFX-" + run + "-2";
        erp.drop("outbox/payments", name + ".csv", FxPaymentRows.csv(FxPaymentRows.euroRow(closed, "100.00", "LOST", "R-" + closed),
                FxPaymentRows.euroRow(failed, "200.00", "FAIL_PAYMENT", "R-" + failed)));

        Map<String, Map<String, String>> status = CsvLines.byPaymentId(erp.awaitFinalStatus(name, PATIENCE));

        assertThat(status.get(closed)).containsEntry("status", "CLOSED").containsEntry("from_amount", "100.00")
                .containsEntry("to_currency", "EUR");
        assertThat(status.get(failed)).containsEntry("status", "PAYMENT_FAILED");
        List<String> events = jdbc.queryForList("select a.event from audit a join instruction i on i.id = a.instruction_id "
                + "where i.payment_id in (?, ?) and a.to_status in ('CLOSED', 'PAYMENT_FAILED')", String.class, closed, failed);
        assertThat(events).containsExactly(WithdrawalPoller.PAYMENT_EVENT, WithdrawalPoller.PAYMENT_EVENT);
    }
}
