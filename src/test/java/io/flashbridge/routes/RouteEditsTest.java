package io.flashbridge.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.CsvLines;
import io.flashbridge.support.ErpTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.camel.component.timer.TimerEndpoint;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Ops edit a copy of {@code routes/} of this test's own while batches flow: bad edits are refused
 * (the running routes stay, the refusal is in health and metrics) and the batch completes; good
 * edits take effect without a restart and without losing a payout.
 */
@BridgeTest
class RouteEditsTest extends ErpTestSupport {

    private static final Path ROUTES = Path.of("target", "route-edits", UUID.randomUUID().toString());
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @DynamicPropertySource
    static void routesOfItsOwn(DynamicPropertyRegistry registry) throws IOException {
        Files.createDirectories(ROUTES);
        try (var files = Files.list(Path.of("routes"))) {
            for (Path file : files.toList()) {
                Files.copy(file, ROUTES.resolve(file.getFileName()));
            }
        }
        registry.add("flashbridge.routes-dir", () -> ROUTES.toAbsolutePath().toString());
        registry.add("flashbridge.routes.reload-period", () -> "200");
    }

    @Autowired
    private CamelContext camel;
    @Autowired
    private RouteFiles routeFiles;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private TestRestTemplate http;

    @Test
    void refusesEveryKindOfBadEditWhileABatchFlowsAndTheBatchStillCompletes() throws Exception {
        String name = "edits-" + run;
        erp.drop("outbox/payouts", name + ".csv", batch("RE-" + run, 300));
        double refusedBefore = refusedCount();

        refused("payout-poller.camel.yaml", text -> text.replace("    id: payout-status-poller", "    id: [payout-status-poller"),
                "not valid YAML");
        refused("payout-poller.camel.yaml", text -> text.replace("uri: timer:payout-status-poller", "uri: timerx:payout-status-poller"),
                "payout-poller.camel.yaml:8:12: unknown endpoint scheme \"timerx\"");
        refused("deposits.camel.yaml", text -> text.replaceFirst("      steps:", "      stepz:"), "\"stepz\" is not an option here");
        refused("flash-balance.camel.yaml", text -> text.replace("ref: flashBalances", "ref: flashBalancez"),
                "no bean named \"flashBalancez\"");
        refused("funds.camel.yaml", text -> text.replace("id: payouts-awaiting-funds", "id: flash-balance-check"),
                "the id \"flash-balance-check\" is already used in flash-balance.camel.yaml");
        refused("payout-submission.camel.yaml", text -> text.replace("concurrentConsumers: 8", "concurrentConsumers: eight"),
                "concurrentConsumers \"eight\" must be an integer");
        deletionRefused("payout-files.camel.yaml", "would remove the required routes");

        Map<String, Map<String, String>> status = CsvLines.byPaymentId(erp.awaitFinalStatus(name, PATIENCE));
        assertThat(status).hasSize(300);
        assertThat(status.values()).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("CONFIRMED"));
        assertThat(refusedCount() - refusedBefore).isGreaterThanOrEqualTo(7);
        assertThat(routeFiles.refusedEdits()).isEmpty();
    }

    @Test
    void appliesGoodEditsWithoutARestartAndLosesNoPayout() throws Exception {
        Map<String, String> originals = new java.util.HashMap<>();
        for (String file : List.of("payout-submission.camel.yaml", "payout-poller.camel.yaml", "payout-files.camel.yaml")) {
            originals.put(file, Files.readString(ROUTES.resolve(file)));
        }
        try {
            goodEdits();
        } finally {
            for (Map.Entry<String, String> original : originals.entrySet()) {
                Files.writeString(ROUTES.resolve(original.getKey()), original.getValue());
            }
            Awaitility.await().atMost(PATIENCE).until(() -> camel.getRoute("payout-file-intake") != null
                    && camel.getRoute("payout-file-intake").getEndpoint().getEndpointUri().contains("payouts?")
                    && camel.getRoute("payout-submitter") != null
                    && ((JmsEndpoint) camel.getRoute("payout-submitter").getEndpoint()).getConcurrentConsumers() == 8);
        }
    }

    private void goodEdits() throws Exception {
        String name = "good-" + run;
        erp.drop("outbox/payouts", name + ".csv", batch("GE-" + run, 200));

        edit("payout-submission.camel.yaml", text -> text.replace("concurrentConsumers: 8", "concurrentConsumers: 3")
                .replace("maxConcurrentConsumers: 8", "maxConcurrentConsumers: 3"));
        Awaitility.await().atMost(PATIENCE).until(() -> camel.getRoute("payout-submitter") != null
                && ((JmsEndpoint) camel.getRoute("payout-submitter").getEndpoint()).getConcurrentConsumers() == 3
                && camel.getRouteController().getRouteStatus("payout-submitter") == ServiceStatus.Started);
        edit("payout-poller.camel.yaml", text -> text.replace("period: \"{{flashbridge.poller.period:300000}}\"", "period: 4321000"));
        Awaitility.await().atMost(PATIENCE).until(() -> camel.getRoute("payout-status-poller") != null
                && ((TimerEndpoint) camel.getRoute("payout-status-poller").getEndpoint()).getPeriod() == 4321000L);
        edit("payout-files.camel.yaml", text -> text.replace("/outbox/payouts\"", "/outbox/payouts-edited\""));
        Awaitility.await().atMost(PATIENCE).until(() -> camel.getRoute("payout-file-intake") != null
                && camel.getRoute("payout-file-intake").getEndpoint().getEndpointUri().contains("payouts-edited"));

        Map<String, Map<String, String>> status = CsvLines.byPaymentId(erp.awaitFinalStatus(name, PATIENCE));
        assertThat(status).hasSize(200);
        assertThat(status.values()).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("CONFIRMED"));

        String moved = "moved-" + run;
        erp.drop("outbox/payouts-edited", moved + ".csv", batch("MV-" + run, 2));
        assertThat(CsvLines.byPaymentId(erp.awaitFinalStatus(moved, PATIENCE))).hasSize(2);
        assertThat(routeFiles.refusedEdits()).isEmpty();
    }

    /** Saves a bad version of {@code file}, waits for its refusal, checks that what ran still runs, then puts it back. */
    private void refused(String file, UnaryOperator<String> change, String reason) throws IOException {
        Path path = ROUTES.resolve(file);
        String original = Files.readString(path);
        List<String> before = routesRunning();
        String edited = change.apply(original);
        assertThat(edited).as("the edit changes " + file).isNotEqualTo(original);
        Files.writeString(path, edited);
        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> assertThat(refusals(file)).anyMatch(line -> line.contains(reason)));
        assertThat(routesRunning()).isEqualTo(before);
        assertThat(http.withBasicAuth("viewer", "viewer").getForObject("/actuator/health", String.class)).contains(file + ":");
        Files.writeString(path, original);
        Awaitility.await().atMost(PATIENCE).until(() -> refusals(file).isEmpty());
    }

    private void deletionRefused(String file, String reason) throws IOException {
        Path path = ROUTES.resolve(file);
        String original = Files.readString(path);
        List<String> before = routesRunning();
        Files.delete(path);
        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> assertThat(refusals(file)).anyMatch(line -> line.contains(reason)));
        assertThat(routesRunning()).isEqualTo(before);
        Files.writeString(path, original);
        Awaitility.await().atMost(PATIENCE).until(() -> refusals(file).isEmpty());
    }

    private void edit(String file, UnaryOperator<String> change) throws IOException {
        Path path = ROUTES.resolve(file);
        String original = Files.readString(path);
        String edited = change.apply(original);
        assertThat(edited).as("the edit changes " + file).isNotEqualTo(original);
        Files.writeString(path, edited);
    }

    private List<String> refusals(String file) {
        return routeFiles.refusedEdits().stream().filter(edit -> edit.file().equals(file))
                .flatMap(edit -> edit.problems().stream().map(RouteProblem::toString)).toList();
    }

    private List<String> routesRunning() {
        return camel.getRoutes().stream()
                .filter(route -> camel.getRouteController().getRouteStatus(route.getRouteId()) == ServiceStatus.Started)
                .map(route -> route.getRouteId() + " " + route.getEndpoint().getEndpointUri()).sorted().toList();
    }

    private double refusedCount() {
        return meters.get("flashbridge.routes.edits").tag("outcome", "refused").counter().count();
    }

    private static byte[] batch(String prefix, int rows) {
        StringBuilder csv = new StringBuilder(CsvLines.PAYOUT_HEADER);
        for (int i = 1; i <= rows; i++) {
            csv.append(prefix).append('-').append(i).append(",10.00,AUD,062000,12345678,Katarina Oreiro,,,EDIT ").append(i)
                    .append(",,,\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
