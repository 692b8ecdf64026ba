package io.flashbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flashbridge.support.BridgeProcess;
import io.flashbridge.support.CoreBanking;
import io.flashbridge.support.CsvLines;
import io.flashbridge.support.ErpSftp;
import io.flashbridge.support.SandboxServer;
import jakarta.jms.Destination;
import jakarta.jms.Message;
import jakarta.jms.Session;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production shape with real processes: the packaged jar in the {@code prod} profile, every
 * setting and secret from the environment, against PostgreSQL, the ERP's OpenSSH SFTP server
 * (password login, host key checked strictly) and a standalone Artemis broker with login required,
 * all started by {@code src/test/scripts/production-shape.sh}. Flash is the sandbox over HTTP. Core
 * banking sends a JMS instruction through the standalone broker with a login.
 */
class ProductionShapeIT {

    private static final Path WORK = Path.of("target/production-shape").toAbsolutePath();
    private static final Path SCRIPT = Path.of("src/test/scripts/production-shape.sh").toAbsolutePath();
    private static final int BRIDGE_PORT = 18181;
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static Map<String, String> services;
    private static SandboxServer flash;
    private static BridgeProcess bridge;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void startTheProductionShape() throws Exception {
        runScript("start", WORK.toString(), System.getProperty("artemis.home"));
        services = readEnv(WORK.resolve("env"));
        flash = SandboxServer.start();
        flash.registerWebhook(SandboxServer.DEMO_EMAIL, "http://localhost:" + BRIDGE_PORT + "/webhooks/flash");
        bridge = startBridge().awaitUp(PATIENCE);
    }

    @AfterAll
    static void stopTheProductionShape() throws Exception {
        if (bridge != null) {
            bridge.stop();
        }
        if (flash != null) {
            flash.close();
        }
        runScript("stop", WORK.toString());
    }

    @Test
    void reportsPostgresAndTheStandaloneBrokerUpWithNothingEmbedded() throws Exception {
        JsonNode health = new ObjectMapper().readTree(health()).path("components");

        assertThat(health.path("db").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("db").path("details").path("database").asText()).isEqualTo("PostgreSQL");
        assertThat(health.path("jms").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("camelHealth").path("status").asText()).isEqualTo("UP");
        assertThat(health.has("sftp")).as("no embedded SFTP server in prod").isFalse();
    }

    @Test
    void paysABatchFromTheErpsOpenSshServerAndRecordsItInPostgres() throws Exception {
        String name = "prod-" + run;
        String csv = CsvLines.PAYOUT_HEADER
                + "PS-" + run + "-1,125.50,AUD,062-000,12345678,Katarina Oreiro,,,INV-1,Acme Payroll Pty Ltd,,\r\n"
                + "PS-" + run + "-2,99.00,AUD,062000,87654321,John Citizen,,,FAIL_AML,Acme Payroll Pty Ltd,,\r\n"
                + "PS-" + run + "-3,10.00,AUD,06200,12345678,Bad Bsb,,,INV-3,,,\r\n";

        try (ErpSftp erp = new ErpSftp(Integer.parseInt(services.get("SFTP_PORT")), services.get("SFTP_USERNAME"),
                services.get("SFTP_PASSWORD"))) {
            erp.drop("outbox/payouts", name + ".csv", csv.getBytes(StandardCharsets.UTF_8));

            List<Map<String, String>> ack = CsvLines.parse(erp.awaitAck(name, PATIENCE));
            assertThat(ack).extracting(row -> row.get("line_number") + " " + row.get("status"))
                    .containsExactly("2 ACCEPTED", "3 ACCEPTED", "4 REJECTED");
            Map<String, Map<String, String>> status = CsvLines.byPaymentId(erp.awaitFinalStatus(name, PATIENCE));
            assertThat(status.get("PS-" + run + "-1")).containsEntry("status", "CONFIRMED");
            assertThat(status.get("PS-" + run + "-2")).containsEntry("status", "CANCELLED");
            Awaitility.await().atMost(PATIENCE).until(() -> erp.archived("outbox/payouts/done", name));
        }
        try (Connection db = DriverManager.getConnection(services.get("DB_URL"), services.get("DB_USERNAME"),
                services.get("DB_PASSWORD"))) {
            assertThat(statuses(db, "PS-" + run + "-%")).containsExactly("CONFIRMED", "CANCELLED");
            assertThat(count(db, "select count(*) from audit a join instruction i on i.id = a.instruction_id "
                    + "where i.payment_id like 'PS-" + run + "-%'")).isGreaterThanOrEqualTo(6);
            // Applied events leave the pending list in a shared commit nobody waits for.
            Awaitility.await().atMost(PATIENCE).until(() -> count(db, "select count(*) from webhook_pending") == 0);
        }
    }

    @Test
    void paysACoreBankingInstructionThroughTheStandaloneBrokerAndRecordsItInPostgres() throws Exception {
        String paymentId = "PJ-" + run;
        try (CoreBanking core = new CoreBanking(services.get("ARTEMIS_URL"), services.get("ARTEMIS_USER"),
                services.get("ARTEMIS_PASSWORD"))) {
            var replies = core.temporaryQueue();
            String correlationId = core.send("{\"kind\":\"payout\",\"payment_id\":\"" + paymentId + "\",\"amount\":\"33.30\","
                    + "\"bsb\":\"062-000\",\"account_number\":\"12345678\",\"account_name\":\"Katarina Oreiro\"}", replies);

            JsonNode reply = core.receive(replies, "JMSCorrelationID = '" + correlationId + "'", PATIENCE);
            assertThat(reply.path("status").asText()).isEqualTo("ACCEPTED");
            assertThat(core.statusEventsUntil(paymentId, "CONFIRMED", PATIENCE)).isNotEmpty();
        }
        try (Connection db = DriverManager.getConnection(services.get("DB_URL"), services.get("DB_USERNAME"),
                services.get("DB_PASSWORD"))) {
            assertThat(statuses(db, paymentId)).containsExactly("CONFIRMED");
        }
    }

    /**
     * The standalone broker got the address settings the embedded broker applies to itself from
     * {@code deploy/artemis/broker.properties} (the file docker-compose.yml gives its broker), read
     * back through Artemis' management queue.
     */
    @Test
    void theStandaloneBrokerHoldsTheBridgesAddressSettingsFromDeployArtemisBrokerProperties() throws Exception {
        try (CoreBanking core = coreBanking()) {
            JsonNode instructions = new ObjectMapper().readTree((String) manage(core, "getAddressSettingsAsJSON",
                    "flashbridge.instructions"));
            JsonNode payouts = new ObjectMapper().readTree((String) manage(core, "getAddressSettingsAsJSON",
                    "flashbridge.internal.payouts"));
            Object[] queues = (Object[]) manage(core, "getQueueNames");

            assertThat(instructions.path("deadLetterAddress").asText()).as("flashbridge.instructions: %s", instructions).isEqualTo("flashbridge.dlq");
            assertThat(instructions.path("maxDeliveryAttempts").asInt()).isEqualTo(20);
            assertThat(instructions.path("redeliveryDelay").asLong()).isEqualTo(1000);
            assertThat(instructions.path("redeliveryMultiplier").asDouble()).isEqualTo(2.0);
            assertThat(instructions.path("maxRedeliveryDelay").asLong()).isEqualTo(60000);
            assertThat(payouts.path("deadLetterAddress").asText()).isEqualTo("DLQ");
            assertThat(payouts.path("maxDeliveryAttempts").asInt()).isEqualTo(6);
            assertThat(payouts.path("autoCreateDeadLetterResources").asBoolean()).isTrue();
            assertThat(queues).contains("flashbridge.dlq");
        }
    }

    /** Invokes {@code operation} on the broker's management queue and answers its result. */
    private static Object manage(CoreBanking core, String operation, Object... arguments) throws Exception {
        Session session = core.session();
        Destination replies = session.createTemporaryQueue();
        Message request = session.createMessage();
        JMSManagementHelper.putOperationInvocation(request, ResourceNames.BROKER, operation, arguments);
        request.setJMSReplyTo(replies);
        try (var producer = session.createProducer(session.createQueue("activemq.management"))) {
            producer.send(request);
        }
        Message reply = core.receiveMessage(replies, null, Duration.ofSeconds(10));
        assertThat(JMSManagementHelper.hasOperationSucceeded(reply)).as("%s succeeded", operation).isTrue();
        return JMSManagementHelper.getResult(reply);
    }

    /**
     * PostgreSQL, the broker and the ERP's SFTP server each die at once mid-batch (pg_ctl -m
     * immediate, kill -9, sshd and its sessions killed) and come back a few seconds later. Health
     * shows each outage while it lasts; the bridge reconnects by itself, and the 300-row batch and
     * 60 JMS instructions taken before the outages all end CONFIRMED, each paid once, each reported.
     */
    @Test
    void completesABatchAndJmsInstructionsWhileTheDatabaseTheBrokerAndTheSftpServerGoDownAndComeBack() throws Exception {
        // Flash answers createWithdrawal after 100 ms: the batch is still being sent when the outages begin.
        flash.admin("POST", "faults", Map.of("kind", "SLOW", "count", 2_000, "delayMs", 100, "operation", "createWithdrawal",
                "client", SandboxServer.DEMO_EMAIL));
        String name = "outage-" + run;
        List<String> rowIds = new ArrayList<>();
        StringBuilder csv = new StringBuilder(CsvLines.PAYOUT_HEADER);
        for (int n = 1; n <= 300; n++) {
            rowIds.add("PO-" + run + "-" + n);
            csv.append("PO-").append(run).append('-').append(n).append(',').append(n).append(".10,AUD,062-000,12345678,")
                    .append("Katarina Oreiro,,,INV-").append(n).append(",Acme Payroll Pty Ltd,,\r\n");
        }
        int sftpPort = Integer.parseInt(services.get("SFTP_PORT"));
        try (ErpSftp erp = new ErpSftp(sftpPort, services.get("SFTP_USERNAME"), services.get("SFTP_PASSWORD"))) {
            erp.drop("outbox/payouts", name + ".csv", csv.toString().getBytes(StandardCharsets.UTF_8));
            assertThat(CsvLines.parse(erp.awaitAck(name, PATIENCE))).hasSize(300);
        }
        List<String> messageIds = new ArrayList<>();
        List<String> correlations;
        String replies = "outage.replies." + run;
        try (CoreBanking core = coreBanking()) {
            List<String> bodies = new ArrayList<>();
            for (int n = 1; n <= 60; n++) {
                messageIds.add("PQ-" + run + "-" + n);
                bodies.add("{\"kind\":\"payout\",\"payment_id\":\"PQ-" + run + "-" + n + "\",\"amount\":\"" + n + ".20\","
                        + "\"bsb\":\"062-000\",\"account_number\":\"12345678\",\"account_name\":\"Katarina Oreiro\"}");
            }
            correlations = core.sendInTransactions(bodies, core.session().createQueue(replies));
        }

        outage("postgres", "db", run);
        outage("artemis", "jms", run);
        outage("sftp", "erpSftp", run);

        Map<String, Map<String, String>> status;
        try (ErpSftp erp = new ErpSftp(sftpPort, services.get("SFTP_USERNAME"), services.get("SFTP_PASSWORD"))) {
            status = CsvLines.byPaymentId(erp.awaitFinalStatus(name, Duration.ofMinutes(4)));
        } finally {
            flash.admin("DELETE", "faults", null);
        }
        assertThat(status).containsOnlyKeys(rowIds).allSatisfy((id, row) -> assertThat(row).containsEntry("status", "CONFIRMED"));
        Map<String, Integer> replyCount = new HashMap<>();
        java.util.Set<String> confirmed = new java.util.HashSet<>();
        try (CoreBanking core = coreBanking()) {
            var replyQueue = core.session().createQueue(replies);
            Awaitility.await().atMost(PATIENCE).until(() -> {
                jakarta.jms.Message reply;
                while ((reply = core.receiveMessageOrNull(replyQueue, null)) != null) {
                    replyCount.merge(reply.getJMSCorrelationID(), 1, Integer::sum);
                }
                jakarta.jms.Message event;
                while ((event = core.receiveMessageOrNull(core.session().createQueue("flashbridge.status"),
                        "status = 'CONFIRMED' and paymentId like 'PQ-" + run + "-%'")) != null) {
                    confirmed.add(event.getStringProperty("paymentId"));
                }
                return replyCount.keySet().containsAll(correlations) && confirmed.containsAll(messageIds);
            });
        }
        assertThat(replyCount).as("one reply per instruction").allSatisfy((correlation, count) -> assertThat(count).isEqualTo(1));
        List<String> all = new ArrayList<>(rowIds);
        all.addAll(messageIds);
        Map<String, Integer> atFlash = flash.withdrawalsByExternalId(SandboxServer.DEMO_EMAIL, SandboxServer.DEMO_PASSWORD);
        assertThat(all).allSatisfy(id -> assertThat(atFlash.get(id)).as("withdrawals of " + id + " at Flash").isEqualTo(1));
        try (Connection db = DriverManager.getConnection(services.get("DB_URL"), services.get("DB_USERNAME"),
                services.get("DB_PASSWORD"))) {
            assertThat(count(db, "select count(*) from instruction where payment_id like 'PO-" + run + "-%' or payment_id like 'PQ-"
                    + run + "-%'")).isEqualTo(360);
        }
    }

    /** Takes {@code service} down, waits until health shows {@code component} DOWN, holds the outage 3 s, brings it back. */
    private void outage(String service, String component, String run) throws Exception {
        long atFlash = flash.withdrawalsByExternalId(SandboxServer.DEMO_EMAIL, SandboxServer.DEMO_PASSWORD).keySet().stream()
                .filter(id -> id.startsWith("PO-" + run) || id.startsWith("PQ-" + run)).count();
        runScript("down", WORK.toString(), service);
        long down = System.nanoTime();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> componentStatus(component).equals("DOWN"));
            System.out.printf("Production shape: %s down with %d of 360 payouts at Flash; after %d ms health shows %s DOWN: %s%n",
                    service, atFlash, (System.nanoTime() - down) / 1_000_000, component,
                    new ObjectMapper().readTree(health()).path("components").path(component));
            Thread.sleep(3_000);
        } finally {
            // Whatever happened, the next tests need the service back.
            runScript("up", WORK.toString(), service);
        }
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> componentStatus(component).equals("UP"));
    }

    private static String componentStatus(String component) throws Exception {
        return new ObjectMapper().readTree(health()).path("components").path(component).path("status").asText();
    }

    private static CoreBanking coreBanking() throws Exception {
        return new CoreBanking(services.get("ARTEMIS_URL"), services.get("ARTEMIS_USER"), services.get("ARTEMIS_PASSWORD"));
    }

    private static List<String> statuses(Connection db, String paymentIds) throws Exception {
        try (var query = db.prepareStatement("select status from instruction where payment_id like ? order by line_number")) {
            query.setString(1, paymentIds);
            try (ResultSet rows = query.executeQuery()) {
                List<String> statuses = new ArrayList<>();
                while (rows.next()) {
                    statuses.add(rows.getString(1));
                }
                return statuses;
            }
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (var query = db.createStatement(); ResultSet rows = query.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static BridgeProcess startBridge() throws Exception {
        Map<String, String> env = new HashMap<>(services);
        env.put("SPRING_PROFILES_ACTIVE", "prod");
        env.put("FLASH_API_URL", flash.url());
        env.put("FLASH_EMAIL", SandboxServer.DEMO_EMAIL);
        env.put("FLASH_PASSWORD", SandboxServer.DEMO_PASSWORD);
        env.put("FLASH_WEBHOOK_SECRET", SandboxServer.WEBHOOK_SECRET);
        env.put("FLASH_CALLBACK_SECRET", SandboxServer.CALLBACK_SECRET);
        env.put("FLASHBRIDGE_INTERIM_PERIOD", "600000");
        env.put("FLASHBRIDGE_VIEWER_USER", "auditor");
        env.put("FLASHBRIDGE_VIEWER_PASSWORD", VIEWER_PASSWORD);
        // The status poller reads back within seconds what webhooks failed to deliver while the ledger was down
        // (Flash's next retry would come 10 minutes later).
        return BridgeProcess.start(WORK, BRIDGE_PORT, env, WORK.resolve("bridge.log"),
                List.of("-Duser.home=" + services.get("BRIDGE_HOME")), "--flashbridge.data-dir=" + WORK.resolve("bridge-data"),
                "--flashbridge.poller.period=5000", "--flashbridge.poller.quiet-for=10000");
    }

    private static final String VIEWER_PASSWORD = UUID.randomUUID().toString();

    private static String health() throws Exception {
        return bridge.health("auditor:" + VIEWER_PASSWORD);
    }

    private static void runScript(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        Files.createDirectories(WORK.getParent());
        Path log = WORK.getParent().resolve("production-shape-" + args[0] + ".log");
        Process script = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!script.waitFor(10, TimeUnit.MINUTES) || script.exitValue() != 0) {
            throw new IllegalStateException("production-shape.sh " + args[0] + " failed:\n" + Files.readString(log));
        }
    }

    private static Map<String, String> readEnv(Path file) throws IOException {
        Map<String, String> env = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                env.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return env;
    }
}
