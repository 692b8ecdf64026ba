package io.flashbridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.CoreBanking;
import io.flashbridge.support.CsvLines;
import io.flashbridge.support.ErpSftp;
import io.flashbridge.support.ErpTestSupport;
import io.flashbridge.support.FreePort;
import jakarta.jms.Destination;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A source is answered only once what answers it is on the disk: the broker syncs its journal at
 * every commit, so core banking's "accepted" (or the ERP's ack) sent while the ledger rows sat in
 * the operating system's cache could outlive a power cut that lost the rows. The ledger's file here
 * is one whose forcing to disk fails on demand ({@link SyncFailures}: a failing disk cannot be
 * provoked for real); while it fails, nothing is answered, and once it works everything is, once.
 */
@BridgeTest
class AnsweredOnlyOnDiskTest extends ErpTestSupport {

    private static final int BROKER_PORT = FreePort.next();
    private static final Path LEDGER = Path.of("target", "test-data", "failing-disk-" + UUID.randomUUID(), "ledger").toAbsolutePath();
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration WHILE_FAILING = Duration.ofMillis(2_500);

    @DynamicPropertySource
    static void ledgerOnADiskThatCanFail(DynamicPropertyRegistry registry) {
        registry.add("flashbridge.embedded.artemis.acceptor", () -> "tcp://127.0.0.1:" + BROKER_PORT);
        registry.add("spring.datasource.url", () -> SyncFailures.url(LEDGER) + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=20000;WRITE_DELAY=0");
    }

    @AfterEach
    void diskWorksAgain() {
        SyncFailures.failing = false;
    }

    @Test
    void repliesToAJmsInstructionOnlyOnceItsLedgerRowIsOnTheDisk() throws Exception {
        String paymentId = "DISK-" + run;
        try (CoreBanking core = new CoreBanking(BROKER_PORT)) {
            Destination replies = core.temporaryQueue();

            SyncFailures.failing = true;
            core.send(CoreBanking.payout(paymentId, "42.00", "DISK"), replies);
            Awaitility.await().atMost(PATIENCE).until(() -> rows(paymentId) == 1);
            holdsWhileFailing("no reply while the row is not on the disk", () -> core.receiveMessageOrNull(replies, null) == null);

            SyncFailures.failing = false;
            JsonNode reply = core.receive(replies, null, PATIENCE);

            assertThat(reply.path("status").asText()).isEqualTo("ACCEPTED");
            assertThat(reply.path("instructionId").asLong())
                    .isEqualTo(jdbc.queryForObject("select id from instruction where payment_id = ?", Long.class, paymentId));
            assertThat(rows(paymentId)).isEqualTo(1);
        }
    }

    @Test
    void acknowledgesAPayoutFileOnlyOnceItsRowsAreOnTheDiskAndNeverGivesUpOnItMeanwhile() throws Exception {
        String name = "disk-" + run;
        String paymentId = "DISKF-" + run;

        SyncFailures.failing = true;
        erp.drop("outbox/payouts", name + ".csv", (CsvLines.PAYOUT_HEADER
                + paymentId + ",42.00,AUD,062000,12345678,Katarina Oreiro,,,DISK,,,\r\n").getBytes(StandardCharsets.UTF_8));
        Awaitility.await().atMost(PATIENCE).until(() -> rows(paymentId) == 1);
        holdsWhileFailing("no ack while the rows are not on the disk",
                () -> erp.list("inbox").stream().noneMatch(file -> file.matches(ErpSftp.ackName(name))));
        assertThat(erp.list("outbox/payouts")).as("the upload waits in the outbox").contains(name + ".csv");

        SyncFailures.failing = false;
        Map<String, Map<String, String>> ack = CsvLines.byPaymentId(erp.awaitAck(name, PATIENCE));

        assertThat(ack.get(paymentId).get("status")).isEqualTo("ACCEPTED");
        assertThat(rows(paymentId)).isEqualTo(1);
    }

    /** Asserts {@code check} every 100 ms or so for {@link #WHILE_FAILING}: true each time. */
    private static void holdsWhileFailing(String what, java.util.concurrent.Callable<Boolean> check) throws Exception {
        long until = System.nanoTime() + WHILE_FAILING.toNanos();
        while (System.nanoTime() < until) {
            assertThat(check.call()).as(what).isTrue();
            Thread.sleep(100);
        }
    }

    private int rows(String paymentId) {
        return jdbc.queryForObject("select count(*) from instruction where payment_id = ?", Integer.class, paymentId);
    }
}
