package io.flashbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.flashbridge.ledger.PayoutStatus;
import io.flashbridge.support.BridgeProcess;
import io.flashbridge.support.CoreBanking;
import io.flashbridge.support.CrashTestSupport;
import io.flashbridge.support.CsvLines;
import io.flashbridge.support.JmsOutcomes;
import io.flashbridge.support.ErpSftp;
import io.flashbridge.support.SandboxServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the packaged bridge ten times in a row, at random points, while a 2,000-row
 * payout file and a stream of JMS instructions flow: during the file's intake, with Flash calls in
 * flight (Flash answers createWithdrawal after 30 ms, so calls are often answered and not yet
 * recorded), while webhooks arrive, while a deposit report (written every 2 seconds once a deposit
 * came) and the status file are being written; the status and deposit pollers read back what no
 * webhook retry delivered. The eleventh life runs to the end. Then: one withdrawal per payment id
 * at Flash (by externalId and by idempotencyKey), every row final in the status file, every JMS
 * instruction one reply and a CONFIRMED event, the deposit CONFIRMED in a deposit report, no visible
 * output file half-written, and every audit trail a gapless forward chain.
 */
class RepeatedKillIT extends CrashTestSupport {

    private static final int ROWS = 2_000;
    private static final int KILLS = 10;
    private static final int MESSAGES_PER_LIFE = 60;

    private final JmsOutcomes outcomes = new JmsOutcomes();

    @Test
    void losesNothingAndPaysNothingTwiceAcrossTenKill9s() throws Exception {
        // time x0.1: Flash retries an unanswered webhook after 0.6 s, 6 s, 60 s
        startRig("kills-", 0.1);
        rig.flash().admin("POST", "faults", Map.of("kind", "SLOW", "count", 1_000_000, "delayMs", 30, "operation", "createWithdrawal"));
        long seed = System.nanoTime();
        Random random = new Random(seed);
        System.out.printf("Repeated kill: seed %d%n", seed);
        String stem = "kills-" + run;
        Path inbox = rig.work().resolve("data/sftp/inbox");
        Path intakeWork = rig.work().resolve("data/intake-work");
        List<String> rowIds = new ArrayList<>();
        List<String> correlations = new ArrayList<>();
        List<String> messageIds = new ArrayList<>();
        String replies = "kills.replies." + run;
        String deposit = null;

        for (int life = 1; life <= KILLS + 1; life++) {
            // The status poller is on, as in production: a webhook whose every retry met a dead bridge is read back.
            BridgeProcess bridge = rig.startBridge("--flashbridge.poller.period=5000", "--flashbridge.poller.quiet-for=10000",
                    "--flashbridge.deposits.intraday-cron=*/2 * * * * *", "--flashbridge.deposits.poll-period=5000");
            // Core banking stays connected through the kill: its connection breaks with the broker.
            CoreBanking core = new CoreBanking(rig.brokerPort());
            try {
                outcomes.listen(core, replies);
                if (life <= KILLS) {
                    List<String> bodies = new ArrayList<>();
                    for (int n = 0; n < MESSAGES_PER_LIFE; n++) {
                        String id = "KJ-" + run + "-" + life + "-" + n;
                        messageIds.add(id);
                        bodies.add(payoutMessage(id, n));
                    }
                    correlations.addAll(core.sendInTransactions(bodies, core.session().createQueue(replies)));
                }
                if (life == 1) {
                    try (ErpSftp erp = new ErpSftp(rig.sftpPort())) {
                        erp.drop("outbox/payouts", stem + ".csv", payoutFile(rowIds));
                    }
                    deposit = rig.flash().admin("POST", "deposits", Map.of("amount", new BigDecimal("250.00"),
                            "externalReference", "KD-" + run, "payerName", "Kill Payer", "payerAccountNo", "24681357")).path("id").asText();
                    String point = killWhen(() -> anyFile(intakeWork, "upload-") ? "during the file's intake" : null,
                            Duration.ofSeconds(30));
                    bridge.kill();
                    System.out.printf("Repeated kill: life 1 killed %s%n", point);
                } else if (life <= KILLS) {
                    String point = life == KILLS
                            ? killWhen(() -> anyFile(inbox, ".writing-" + stem + ".status") ? "while the status file was being written"
                                    : finalStatusFile(inbox, stem) ? "just after the status file was written" : null, Duration.ofSeconds(90))
                            : life == KILLS - 1
                            ? killWhen(() -> anyFile(inbox, ".writing-deposits-") ? "while a deposit report was being written" : null,
                                    Duration.ofSeconds(20))
                            : killWhen(() -> null, Duration.ofMillis(500 + random.nextInt(3_500)));
                    bridge.kill();
                    System.out.printf("Repeated kill: life %d killed %s; %d of %d replies so far%n", life, point,
                            outcomes.repliesByCorrelation().size(), correlations.size());
                } else {
                    String confirmedDeposit = deposit;
                    Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                            .until(() -> outcomes.repliesByCorrelation().keySet().containsAll(correlations)
                                    && outcomes.confirmed().containsAll(messageIds) && finalStatusFile(inbox, stem)
                                    && depositReported(inbox, confirmedDeposit, "CONFIRMED"));
                    Thread.sleep(1_000);
                }
            } finally {
                closeQuietly(core);
            }
        }
        int linked = 0;
        for (int life = 2; life <= KILLS + 1; life++) {
            linked += BridgeProcess.countIn(rig.work().resolve("bridge-" + life + ".log"), "its answer was lost); linked");
        }
        System.out.printf("Repeated kill: %d payments were found at Flash after a kill between the call and the ledger write%n", linked);
        String status;
        try (ErpSftp erp = new ErpSftp(rig.sftpPort())) {
            status = erp.awaitFinalStatus(stem, PATIENCE);
        }
        rig.stopBridge();

        assertThat(CsvLines.byPaymentId(status)).as("every row in the status file, final")
                .containsOnlyKeys(rowIds).allSatisfy((id, row) -> assertThat(row).containsEntry("status", "CONFIRMED"));
        assertThat(outcomes.repliesByCorrelation().keySet()).containsAll(correlations);
        assertThat(outcomes.repliesByCorrelation()).allSatisfy((correlation, replyIds) ->
                assertThat(replyIds).as("replies to " + correlation).hasSize(1));
        assertThat(outcomes.confirmed()).containsAll(messageIds);
        assertOneWithdrawalEach(rowIds, messageIds);
        assertNoVisibleFileHalfWritten(inbox);
        assertAuditTrailsAreForwardChains(rowIds.size() + messageIds.size());
    }

    /** Polls until {@code point} names itself (or {@code atMost} passed), then returns at once so the caller kills there. */
    private static String killWhen(Supplier<String> point, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            String reached = point.get();
            if (reached != null) {
                return reached;
            }
            Thread.sleep(1);
        }
        return "after " + atMost.toMillis() + " ms";
    }

    private void assertOneWithdrawalEach(List<String> rowIds, List<String> messageIds) throws Exception {
        String token = rig.flash().awaitToken(SandboxServer.DEMO_EMAIL, SandboxServer.DEMO_PASSWORD);
        JsonNode withdrawals = rig.flash().query(token, "{ withdrawals { externalId idempotencyKey } }").path("withdrawals");
        Map<String, Integer> byExternalId = new HashMap<>();
        Map<String, Integer> byKey = new HashMap<>();
        withdrawals.forEach(withdrawal -> {
            byExternalId.merge(withdrawal.path("externalId").asText(), 1, Integer::sum);
            byKey.merge(withdrawal.path("idempotencyKey").asText(), 1, Integer::sum);
        });
        List<String> all = new ArrayList<>(rowIds);
        all.addAll(messageIds);
        assertThat(byExternalId).as("one withdrawal per payment id (externalId)").containsOnlyKeys(all)
                .allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
        assertThat(byKey).as("one withdrawal per idempotency key").hasSize(all.size())
                .allSatisfy((key, count) -> assertThat(count).isEqualTo(1));
    }

    /** Every file the ERP can see (not a hidden .writing- one) is whole: CRLF at the end, a status on every row. */
    private static void assertNoVisibleFileHalfWritten(Path inbox) throws Exception {
        try (Stream<Path> files = Files.list(inbox)) {
            List<Path> visible = files.filter(file -> !file.getFileName().toString().startsWith(".")).toList();
            assertThat(visible).isNotEmpty();
            for (Path file : visible) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                assertThat(text).as(file.getFileName().toString()).endsWith("\r\n");
                assertThat(CsvLines.parse(text)).as(file.getFileName().toString())
                        .allSatisfy(row -> assertThat(row.get("status")).isNotBlank());
            }
        }
    }

    /** Each instruction's audit rows run RECEIVED → … → its status, each step one the lifecycle allows. */
    private void assertAuditTrailsAreForwardChains(int instructions) throws Exception {
        Map<Long, String> statusOf = new HashMap<>();
        Map<Long, List<String[]>> trails = new HashMap<>();
        try (Connection ledger = DriverManager.getConnection("jdbc:h2:file:" + rig.ledger()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
             var query = ledger.createStatement()) {
            try (ResultSet rows = query.executeQuery("select id, status from instruction")) {
                while (rows.next()) {
                    statusOf.put(rows.getLong(1), rows.getString(2));
                }
            }
            try (ResultSet rows = query.executeQuery("select instruction_id, from_status, to_status from audit order by id")) {
                while (rows.next()) {
                    trails.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(new String[] {rows.getString(2), rows.getString(3)});
                }
            }
        }
        assertThat(statusOf).hasSize(instructions);
        statusOf.forEach((id, status) -> {
            List<String[]> trail = trails.getOrDefault(id, List.of());
            assertThat(trail).as("audit of instruction " + id).isNotEmpty();
            String at = "RECEIVED";
            for (String[] step : trail) {
                assertThat(step[0]).as("audit of instruction " + id + ": no gap").isEqualTo(at);
                assertThat(PayoutStatus.valueOf(at).canMoveTo(PayoutStatus.valueOf(step[1])))
                        .as("audit of instruction " + id + ": " + at + " -> " + step[1] + " is forward").isTrue();
                at = step[1];
            }
            assertThat(at).as("audit of instruction " + id + " ends in its status").isEqualTo(status);
        });
    }


    private byte[] payoutFile(List<String> rowIds) {
        StringBuilder csv = new StringBuilder(CsvLines.PAYOUT_HEADER);
        for (int n = 1; n <= ROWS; n++) {
            String id = "KF-" + run + "-" + n;
            rowIds.add(id);
            csv.append(id).append(',').append(1 + n % 50).append(".25,AUD,062000,12345678,Ann Lee,,,INV-").append(n)
                    .append(",Acme Payroll Pty Ltd,,\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String payoutMessage(String paymentId, int n) {
        return CoreBanking.payout(paymentId, (1 + n % 40) + ".75", "INV-" + n);
    }

    private static void closeQuietly(CoreBanking core) {
        try {
            core.close();
        } catch (Exception brokerGone) {
            // the broker died with the bridge
        }
    }

    private static boolean anyFile(Path folder, String prefix) {
        return anyFileNamed(folder, name -> name.startsWith(prefix));
    }

    /** A visible deposit report lists {@code flashId} in {@code status}. */
    private static boolean depositReported(Path inbox, String flashId, String status) {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(file -> file.getFileName().toString().startsWith("deposits-")).anyMatch(file -> {
                try {
                    return CsvLines.parse(Files.readString(file, StandardCharsets.UTF_8)).stream()
                            .anyMatch(row -> flashId.equals(row.get("flash_id")) && status.equals(row.get("status")));
                } catch (Exception removedMeanwhile) {
                    return false;
                }
            });
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean finalStatusFile(Path inbox, String stem) {
        return anyFileNamed(inbox, name -> name.matches(ErpSftp.finalStatusName(stem)));
    }

    /** Read on disk, not over SFTP: the SFTP server dies with the bridge. */
    private static boolean anyFileNamed(Path folder, java.util.function.Predicate<String> name) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(file -> name.test(file.getFileName().toString()));
        } catch (Exception e) {
            return false;
        }
    }
}
