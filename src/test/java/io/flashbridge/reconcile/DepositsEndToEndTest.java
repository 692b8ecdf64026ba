package io.flashbridge.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flashbridge.ledger.Deposit;
import io.flashbridge.ledger.DepositStatus;
import io.flashbridge.ledger.DepositStore;
import io.flashbridge.output.CsvText;
import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.CsvLines;
import io.flashbridge.support.ErpTestSupport;
import io.flashbridge.support.SandboxServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.ProducerTemplate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Test deposits through the sandbox's admin endpoint reach the ledger by webhook (or, with their
 * webhooks switched off, by the deposit listing) and the ERP's deposit reports, line by line.
 */
@BridgeTest
class DepositsEndToEndTest extends ErpTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    private static final String SUB_CLIENT = "5f0c1b2a3d4e5f6a7b8c9d0e";

    @Autowired
    private DepositStore deposits;
    @Autowired
    private DepositPoller poller;
    @Autowired
    private UnwrittenReports unwritten;
    @Autowired
    private ProducerTemplate routes;
    @Autowired
    private MeterRegistry meters;
    private final ObjectMapper json = new ObjectMapper();
    private String token;

    @Test
    void reportsEveryDepositOfTheDayWithItsReferenceAndStatus() throws Exception {
        String master = deposit("125.00", "INV-" + run + "-M", "Acme Customer", "11112222", null, false);
        String viaSubClient = deposit("80.50", "INV-" + run + "-S", "Sub Payer", "33334444", SUB_CLIENT, false);
        String held = deposit("999.99", "INV-" + run + "-H", "Held Payer", "55556666", null, true);
        String refunded = deposit("12.00", "INV-" + run + "-R", "Wrong Payer", "77778888", null, false);
        awaitStatus(refunded, "CONFIRMED");
        SandboxServer.shared().admin("POST", "deposits/" + refunded + "/reject", null);
        awaitStatus(refunded, "REFUNDED");
        String unannounced = depositWithoutWebhooks("47.25", "INV-" + run + "-U");
        awaitStatus(master, "CONFIRMED");
        awaitStatus(viaSubClient, "CONFIRMED");
        awaitStatus(held, "REVIEWING");

        assertThat(deposits.find(unannounced)).as("its webhooks were switched off").isEmpty();

        // Flash allows one login a second: a run that meets the limit ends and the next one tries again.
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(1100)).until(() -> poller.poll() >= 1);
        assertThat(deposits.find(unannounced).orElseThrow().status().name()).isEqualTo("CONFIRMED");
        assertThat(deposits.audit(unannounced)).extracting(row -> row.get("event")).containsExactly(DepositPoller.EVENT);

        Map<String, Map<String, String>> report = intradayReportWith(List.of(master, viaSubClient, held, refunded, unannounced));
        assertThat(report.get(master)).containsEntry("status", "CONFIRMED").containsEntry("amount", "125.00")
                .containsEntry("fee", "0.00").containsEntry("currency", "AUD").containsEntry("reference", "INV-" + run + "-M")
                .containsEntry("payer_name", "Acme Customer").containsEntry("payer_bsb", "062000")
                .containsEntry("payer_account", "****2222").containsEntry("van_bsb", "802985")
                .containsEntry("van_account", "123456789").containsEntry("sub_client_id", "");
        assertThat(report.get(viaSubClient)).containsEntry("status", "CONFIRMED").containsEntry("sub_client_id", SUB_CLIENT)
                .containsEntry("sub_client_external_id", "SUB-001").containsEntry("sub_client_name", "Jane Citizen")
                .containsEntry("van_bsb", "802985").containsEntry("van_account", "900000001");
        assertThat(report.get(held)).containsEntry("status", "REVIEWING").containsEntry("status_message", "Awaiting manual compliance");
        assertThat(report.get(refunded)).containsEntry("status", "REFUNDED").containsEntry("refund_amount", "12.00");
        assertThat(report.get(unannounced)).containsEntry("status", "CONFIRMED").containsEntry("reference", "INV-" + run + "-U");
        assertThat(String.join(",", report.values().stream().map(Object::toString).toList())).doesNotContain("11112222");
    }

    @Test
    void closesTheDayWithAFileThatSumsToTheLedgerTotal() throws Exception {
        String paid = deposit("300.00", "EOD-" + run, "Day Payer", "99990000", null, false);
        awaitStatus(paid, "CONFIRMED");
        LocalDate today = LocalDate.now(SYDNEY);
        Clock tomorrow = Clock.fixed(today.plusDays(1).atTime(0, 5).atZone(SYDNEY).toInstant(), SYDNEY);

        DepositReports.DepositReport endOfDay = new DepositReports(deposits, SYDNEY, tomorrow, unwritten).endOfDay().stream()
                .filter(report -> today.equals(report.day())).findFirst().orElseThrow();

        assertThat(endOfDay.fileName()).isEqualTo("deposits-" + today() + ".csv");
        List<Map<String, String>> lines = CsvLines.parse(endOfDay.content());
        assertThat(lines).extracting(line -> line.get("flash_id")).contains(paid);
        BigDecimal fileTotal = lines.stream().map(line -> new BigDecimal(line.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal ledgerTotal = jdbc.queryForObject("select sum(amount) from deposit where created_at >= ? and created_at < ?",
                BigDecimal.class, today.atStartOfDay(SYDNEY).toOffsetDateTime(), today.plusDays(1).atStartOfDay(SYDNEY).toOffsetDateTime());
        assertThat(fileTotal).isEqualByComparingTo(ledgerTotal).isEqualByComparingTo(endOfDay.total());
        assertThat(lines).hasSize(endOfDay.deposits());
    }

    @Test
    void keepsAnEndOfDayReportTheInboxRefusedDueUntilItIsWritten() throws Exception {
        LocalDate day = LocalDate.of(1990, 1, 1).plusDays(Math.floorMod(run.hashCode(), 10_000));
        String name = "deposits-" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + ".csv";
        DepositReports.DepositReport report = new DepositReports.DepositReport(DepositReports.Kind.END_OF_DAY, name,
                CsvText.line(DepositReports.HEADER), day, 0, BigDecimal.ZERO, List.of());
        // A folder under the report's name: every upload of that file fails until it is gone.
        erp.mkdir("inbox/" + name);
        double refusedBefore = refusedDepositReports();

        routes.sendBody("direct:deposit-report", report);

        assertThat(refusedDepositReports()).isEqualTo(refusedBefore + 1);
        assertThat(deposits.endOfDayWritten(day)).as("still due").isFalse();
        erp.rmdir("inbox/" + name);

        routes.sendBody("direct:deposit-report", report);

        assertThat(erp.read("inbox/" + name)).isEqualTo(CsvText.line(DepositReports.HEADER));
        assertThat(deposits.endOfDayWritten(day)).isTrue();
        assertThat(refusedDepositReports()).isEqualTo(refusedBefore + 1);
    }

    @Test
    void reportsDepositsThatArrivedOrMovedAfterTheirDayWasClosedInAChangesFile() throws Exception {
        LocalDate day = LocalDate.of(2001, 1, 1).plusDays(Math.floorMod(run.hashCode(), 5_000));
        Instant morning = day.atTime(10, 0).atZone(SYDNEY).toInstant();
        String held = "CHH" + run;
        String cleared = "CHC" + run;
        String late = "CHL" + run;
        deposits.apply(onDay(held, DepositStatus.REVIEWING, morning), morning, "deposit_reviewing", null, null);
        deposits.apply(onDay(cleared, DepositStatus.CONFIRMED, morning), morning, "deposit_cleared", null, null);
        DepositReports nextDay = reportsAt(day.plusDays(1).atTime(0, 5));
        DepositReports.DepositReport closing = nextDay.endOfDay().stream().filter(report -> day.equals(report.day()))
                .findFirst().orElseThrow();
        routes.sendBody("direct:deposit-report", closing);
        assertThat(erp.read("inbox/" + closing.fileName())).contains(held, cleared);

        Instant later = day.plusDays(1).atTime(11, 0).atZone(SYDNEY).toInstant();
        deposits.apply(onDay(held, DepositStatus.CONFIRMED, morning), later, "deposit_cleared", null, null);
        deposits.apply(onDay(late, DepositStatus.CONFIRMED, morning.plusSeconds(60)), later, "deposits (poll)", null, null);
        DepositReports twoDaysOn = reportsAt(day.plusDays(2).atTime(9, 0));
        List<DepositReports.DepositReport> changes = twoDaysOn.changes().stream().filter(report -> day.equals(report.day())).toList();

        assertThat(changes).singleElement().satisfies(report -> assertThat(report.fileName())
                .matches("deposits-" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-changes-[0-9]{14}\\.csv"));
        routes.sendBody("direct:deposit-report", changes.get(0));
        Map<String, Map<String, String>> lines = new HashMap<>();
        CsvLines.parse(erp.read("inbox/" + changes.get(0).fileName())).forEach(line -> lines.put(line.get("flash_id"), line));
        assertThat(lines).containsOnlyKeys(held, late);
        assertThat(lines.get(held)).containsEntry("status", "CONFIRMED").containsEntry("previous_status", "REVIEWING");
        assertThat(lines.get(late)).containsEntry("status", "CONFIRMED").containsEntry("previous_status", "")
                .containsEntry("amount", "5.00");
        assertThat(twoDaysOn.changes()).as("told once").noneMatch(report -> day.equals(report.day()));
    }

    private DepositReports reportsAt(java.time.LocalDateTime sydneyTime) {
        return new DepositReports(deposits, SYDNEY, Clock.fixed(sydneyTime.atZone(SYDNEY).toInstant(), SYDNEY), unwritten);
    }

    private static Deposit onDay(String id, DepositStatus status, Instant createdAt) {
        return new Deposit(id, status, null, new BigDecimal("5.00"), BigDecimal.ZERO, "AUD", "CHANGES", "Changing Payer",
                "062000", "12345678", null, null, null, null, null, null, createdAt, null, null);
    }

    private double refusedDepositReports() {
        return meters.counter("flashbridge.reports.failed", "report", "deposits").count();
    }

    @Test
    void findsTheEndOfAReviewThatOutlastedNewerDepositsWhenItsWebhooksAreLost() throws Exception {
        String held = deposit("66.00", "HOLD-" + run, "Held Long", "12121212", null, true);
        awaitStatus(held, "REVIEWING");
        // Deposits kept arriving while it was held: the newest the ledger knows came three days after it.
        String newer = ("NEWER" + run).substring(0, Math.min(32, 5 + run.length()));
        jdbc.update("insert into deposit (flash_id, status, amount, currency, created_at, updated_at) values (?, 'CONFIRMED', 1.00, "
                + "'AUD', ?, ?)", newer, OffsetDateTime.now().plusDays(3), OffsetDateTime.now());
        String url = "http://localhost:" + port + "/webhooks/flash";
        SandboxServer.shared().admin("PUT", "webhook?client=" + SandboxServer.DEMO_EMAIL, Map.of("url", url,
                "secret", SandboxServer.WEBHOOK_SECRET, "events", List.of("withdrawal_initiated")));
        try {
            SandboxServer.shared().admin("POST", "deposits/" + held + "/reject", null);

            // Flash allows one login a second: a run that meets the limit ends and the next one tries again.
            Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(1100)).until(() -> {
                poller.poll();
                return deposits.find(held).map(d -> d.status() == DepositStatus.REFUNDED).orElse(false);
            });
        } finally {
            SandboxServer.shared().registerWebhook(SandboxServer.DEMO_EMAIL, url);
            jdbc.update("delete from deposit where flash_id = ?", newer);
        }
        assertThat(deposits.audit(held)).extracting(row -> row.get("event")).contains(DepositPoller.EVENT);
    }

    @Test
    void refundsAClearedDepositWhenAnOperatorAsks() throws Exception {
        String wrong = deposit("40.00", "OOPS-" + run, "Mistaken Payer", "13572468", null, false);
        awaitStatus(wrong, "CONFIRMED");
        String body = "{\"amount\": 39.50, \"reason\": \"sent by mistake\"}";

        assertThat(post("/ops/deposits/" + wrong + "/refund", body, "viewer:viewer").statusCode()).isEqualTo(403);
        assertThat(post("/ops/deposits/" + wrong + "/refund", "{\"reason\": \"\"}", "ops:ops").statusCode()).isEqualTo(400);
        HttpResponse<String> refunded = post("/ops/deposits/" + wrong + "/refund", body, "ops:ops");

        assertThat(refunded.statusCode()).as(refunded.body()).isEqualTo(202);
        assertThat(refunded.body()).contains("REFUND_SENT");
        awaitStatus(wrong, "REFUNDED");
        assertThat(deposits.find(wrong).orElseThrow().refundAmount()).isEqualByComparingTo("39.50");
        assertThat(deposits.audit(wrong)).anySatisfy(row -> assertThat(row)
                .containsEntry("event", "refundDeposit: sent by mistake").containsEntry("actor", "ops"));
        assertThat(post("/ops/deposits/" + wrong + "/refund", body, "ops:ops").statusCode()).as("no second refund").isEqualTo(409);
    }

    @Test
    void recordsANewDepositOnceWhenTwoOfItsEventsArriveTogether() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 40; i++) {
                String id = (run + "race" + i).substring(0, Math.min(24, (run + "race" + i).length()));
                CountDownLatch start = new CountDownLatch(1);
                var initiated = pool.submit(() -> {
                    start.await();
                    return deposits.apply(raced(id, DepositStatus.INITIALISED), Instant.parse("2026-01-01T00:00:00Z"),
                            "deposit_initiated", null, null);
                });
                var cleared = pool.submit(() -> {
                    start.await();
                    return deposits.apply(raced(id, DepositStatus.CONFIRMED), Instant.parse("2026-01-01T00:00:01Z"),
                            "deposit_cleared", null, null);
                });
                start.countDown();
                initiated.get();
                cleared.get();

                assertThat(deposits.find(id).orElseThrow().status().name()).as("deposit " + id).isEqualTo("CONFIRMED");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Deposit raced(String id, DepositStatus status) {
        return new Deposit(id, status, null, new BigDecimal("5.00"), BigDecimal.ZERO, "AUD", "RACE", "Racer",
                "062000", "12345678", null, null, null, null, null, null, null, null, null);
    }

    private HttpResponse<String> post(String path, String json, String login) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("content-type", "application/json")
                .header("authorization", "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String deposit(String amount, String reference, String payer, String account, String subClient, boolean hold) {
        Map<String, Object> request = new HashMap<>();
        request.put("amount", new BigDecimal(amount));
        request.put("externalReference", reference);
        request.put("payerName", payer);
        request.put("payerAccountNo", account);
        request.put("subClientId", subClient);
        request.put("hold", hold);
        return SandboxServer.shared().admin("POST", "deposits", request).path("id").asText();
    }

    /** A deposit made while the sandbox sends only withdrawal events; answers once Flash has cleared it. */
    private String depositWithoutWebhooks(String amount, String reference) throws Exception {
        String url = "http://localhost:" + port + "/webhooks/flash";
        SandboxServer.shared().admin("PUT", "webhook?client=" + SandboxServer.DEMO_EMAIL, Map.of("url", url,
                "secret", SandboxServer.WEBHOOK_SECRET, "events", List.of("withdrawal_initiated")));
        try {
            String id = deposit(amount, reference, "Quiet Payer", "24681357", null, false);
            // polled no faster than Flash's one login a second, in case the login has to be repeated
            Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(1100)).until(() -> "CONFIRMED".equals(statusAtFlash(id)));
            return id;
        } finally {
            SandboxServer.shared().registerWebhook(SandboxServer.DEMO_EMAIL, url);
        }
    }

    private String statusAtFlash(String id) throws Exception {
        if (token == null) {
            token = SandboxServer.shared().token(SandboxServer.DEMO_EMAIL, SandboxServer.DEMO_PASSWORD);
        }
        JsonNode deposit = json.readTree(SandboxServer.shared().post(json.writeValueAsString(Map.of("query",
                "{ deposit(id: \"" + id + "\") { status } }")), token).body());
        return deposit.path("data").path("deposit").path("status").asText();
    }

    private void awaitStatus(String flashId, String status) {
        Awaitility.await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(deposits.find(flashId).map(d -> d.status().name())).as("deposit " + flashId).contains(status));
    }

    /** The lines of {@code ids} in the first intraday report of today that lists them all. */
    private Map<String, Map<String, String>> intradayReportWith(List<String> ids) {
        Map<String, Map<String, String>> mine = new HashMap<>();
        Awaitility.await().atMost(PATIENCE).ignoreExceptions().until(() -> {
            List<String> reports = erp.list("inbox").stream()
                    .filter(name -> name.matches("deposits-" + today() + "-[0-9]{6}\\.csv")).sorted().toList();
            mine.clear();
            if (!reports.isEmpty()) {
                for (Map<String, String> line : CsvLines.parse(erp.read("inbox/" + reports.get(reports.size() - 1)))) {
                    if (ids.contains(line.get("flash_id"))) {
                        mine.put(line.get("flash_id"), line);
                    }
                }
            }
            return mine.keySet().containsAll(ids);
        });
        return mine;
    }

    private static String today() {
        return LocalDate.now(SYDNEY).format(DateTimeFormatter.BASIC_ISO_DATE);
    }
}
