package io.flashbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.flashbridge.support.BridgeProcess;
import io.flashbridge.support.CoreBanking;
import io.flashbridge.support.CrashTestSupport;
import io.flashbridge.support.JmsOutcomes;
import io.flashbridge.support.SandboxServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the packaged bridge, whose embedded broker dies with it, while it takes core
 * banking's instructions: after a restart every instruction has exactly one reply, is recorded
 * once, paid once at Flash, and reaches CONFIRMED on {@code flashbridge.status}.
 */
class JmsCrashIT extends CrashTestSupport {

    private static final int MESSAGES = 3_000;

    private final JmsOutcomes outcomes = new JmsOutcomes();

    @Test
    void answersEveryInstructionOnceAndPaysItOnceAcrossAKill9() throws Exception {
        startRig("jms-", 0.1);
        String replies = "crash.replies." + run;

        BridgeProcess bridge = rig.startBridge();
        List<String> correlations = new ArrayList<>();
        try (CoreBanking core = new CoreBanking(rig.brokerPort())) {
            outcomes.listen(core, replies);
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                bodies.add(payout(i));
            }
            correlations.addAll(core.sendInTransactions(bodies, core.session().createQueue(replies)));
            Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> outcomes.repliesByCorrelation().size() >= 300);
            bridge.kill();
        }
        int answeredBeforeKill = outcomes.repliesByCorrelation().size();
        System.out.printf("JMS crash: killed with %d of %d instructions answered%n", answeredBeforeKill, MESSAGES);
        assertThat(answeredBeforeKill).as("the kill came while instructions were being taken").isLessThan(MESSAGES);

        rig.startBridge();
        try (CoreBanking core = new CoreBanking(rig.brokerPort())) {
            outcomes.listen(core, replies);
            Awaitility.await().atMost(PATIENCE).until(() -> outcomes.repliesByCorrelation().keySet().containsAll(correlations)
                    && outcomes.confirmed().size() == MESSAGES);
            Thread.sleep(2_000);
        }
        rig.stopBridge();

        assertThat(outcomes.repliesByCorrelation().keySet()).containsAll(correlations);
        assertThat(outcomes.repliesByCorrelation()).allSatisfy((correlation, replyIds) ->
                assertThat(replyIds).as("replies to " + correlation).hasSize(1));
        assertThat(rig.flash().withdrawalsByExternalId(SandboxServer.DEMO_EMAIL, SandboxServer.DEMO_PASSWORD))
                .as("one withdrawal per payment id").hasSize(MESSAGES).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
        try (Connection ledger = DriverManager.getConnection("jdbc:h2:file:" + rig.ledger()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
             var query = ledger.createStatement();
             ResultSet counts = query.executeQuery("select count(*), count(distinct payment_id) from instruction where source = 'core-banking'")) {
            counts.next();
            assertThat(counts.getInt(1)).isEqualTo(MESSAGES);
            assertThat(counts.getInt(2)).isEqualTo(MESSAGES);
        }
    }

    private String payout(int n) {
        return CoreBanking.payout("JC-" + run + "-" + n, (1 + n % 40) + ".75", "INV-" + n);
    }
}
