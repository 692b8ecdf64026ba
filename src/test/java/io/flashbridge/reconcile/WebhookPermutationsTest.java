package io.flashbridge.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.BridgeTestSupport;
import io.flashbridge.support.WebhookClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every order in which Flash's webhooks for one lifecycle path can arrive, each with a replayed
 * request id and a second copy under a new request id, through the real signed endpoint and the
 * reconciler: the instruction always ends in the path's final status, and replaying every request
 * id afterwards changes nothing.
 */
@BridgeTest
class WebhookPermutationsTest extends BridgeTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    /** A lifecycle path: its events in the order Flash sends them, the ledger status it starts from, and where it ends. */
    private record Path(String name, String kind, String start, List<String> events, String finalStatus) {}

    private static final List<Path> PATHS = List.of(
            new Path("paid", "WITHDRAWAL", "INITIALISED",
                    List.of("withdrawal_initiated", "withdrawal_pending", "withdrawal_completed"), "CONFIRMED"),
            new Path("held then paid", "WITHDRAWAL", "INITIALISED",
                    List.of("withdrawal_initiated", "withdrawal_reviewing", "withdrawal_pending", "withdrawal_completed"), "CONFIRMED"),
            new Path("held then declined", "WITHDRAWAL", "INITIALISED",
                    List.of("withdrawal_initiated", "withdrawal_reviewing", "withdrawal_cancelled"), "CANCELLED"),
            new Path("bank return", "WITHDRAWAL", "INITIALISED",
                    List.of("withdrawal_initiated", "withdrawal_pending", "withdrawal_completed", "withdrawal_failed",
                            "withdrawal_refunded"), "REFUNDED"),
            new Path("failed and refunded", "WITHDRAWAL", "INITIALISED",
                    List.of("withdrawal_initiated", "withdrawal_pending", "withdrawal_failed", "withdrawal_refunded"), "REFUNDED"),
            new Path("fx delivered", "PAYMENT", "OPEN", List.of("currency_converted", "payment_complete"), "CLOSED"),
            new Path("fx failed", "PAYMENT", "OPEN", List.of("currency_converted", "payment_failed"), "PAYMENT_FAILED"),
            new Path("fx cancelled", "PAYMENT", "OPEN", List.of("payment_cancelled"), "CANCELLED"));

    /** One instruction and the events sent for it, with their request ids. */
    private record Case(Path path, String paymentId, String flashId, Map<String, String> bodiesByRequestId) {}

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void everyOrderOfEveryLifecyclePathEndsInItsFinalStatusAndReplaysChangeNothing() throws Exception {
        WebhookClient flash = new WebhookClient(port);
        List<Case> cases = new ArrayList<>();
        int number = 0;
        for (Path path : PATHS) {
            for (List<Integer> order : permutations(path.events().size())) {
                Case c = newCase(path, number++);
                cases.add(c);
                List<String> requestIds = new ArrayList<>(c.bodiesByRequestId().keySet());
                for (int index : order) {
                    send(flash, c.bodiesByRequestId().get(requestIds.get(index)), requestIds.get(index));
                }
                // A retry of the first event delivered (same request id) and a second copy of the last (new request id).
                String first = requestIds.get(order.get(0));
                send(flash, c.bodiesByRequestId().get(first), first);
                send(flash, c.bodiesByRequestId().get(requestIds.get(order.get(order.size() - 1))), "perm-" + run + "-copy-" + number);
            }
        }
        awaitProcessed();

        for (Case c : cases) {
            assertThat(status(c.paymentId())).as("%s, %s", c.path().name(), c.paymentId()).isEqualTo(c.path().finalStatus());
        }
        Map<String, Integer> auditRows = new LinkedHashMap<>();
        cases.forEach(c -> auditRows.put(c.paymentId(), auditRows(c.paymentId())));
        for (Case c : cases) {
            List<String> requestIds = new ArrayList<>(c.bodiesByRequestId().keySet());
            for (int i = requestIds.size() - 1; i >= 0; i--) {
                send(flash, c.bodiesByRequestId().get(requestIds.get(i)), requestIds.get(i));
            }
        }
        awaitProcessed();
        for (Case c : cases) {
            assertThat(status(c.paymentId())).isEqualTo(c.path().finalStatus());
            assertThat(auditRows(c.paymentId())).as("replays of %s add no audit row", c.paymentId()).isEqualTo(auditRows.get(c.paymentId()));
        }
        assertThat(cases).hasSize(6 + 24 + 6 + 120 + 24 + 2 + 2 + 1);
    }

    /** An instruction Flash has (as the submitter leaves it), and its path's events, one second apart an hour ago. */
    private Case newCase(Path path, int number) throws Exception {
        String paymentId = "PERM-" + run + "-" + number;
        String flashId = String.format("%08x%016x", number, UUID.randomUUID().getMostSignificantBits());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.update("insert into instruction (source, payment_id, kind, amount, currency, payload, idempotency_key, status, flash_id, "
                + "attempts, created_at, updated_at) values ('permutations', ?, ?, 10.00, 'AUD', '{}', ?, ?, ?, 1, ?, ?)",
                paymentId, path.kind(), "perm-key-" + run + "-" + number, path.start(), flashId, now, now);
        Instant base = Instant.now().minus(Duration.ofHours(1));
        Map<String, String> bodies = new LinkedHashMap<>();
        for (int i = 0; i < path.events().size(); i++) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("event", path.events().get(i));
            event.put("eventScheduledAt", base.plusSeconds(i).toString());
            event.put("id", flashId);
            event.put("externalId", paymentId);
            if (path.kind().equals("PAYMENT")) {
                event.put("fromAmount", 10.00);
                event.put("fromCurrency", "AUD");
                event.put("toAmount", 6.00);
                event.put("toCurrency", "EUR");
            }
            bodies.put("perm-" + run + "-" + number + "-" + i, json.writeValueAsString(event));
        }
        return new Case(path, paymentId, flashId, bodies);
    }

    private static void send(WebhookClient flash, String body, String requestId) {
        assertThat(flash.signed(body, requestId).statusCode()).isEqualTo(200);
    }

    private void awaitProcessed() {
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.queryForObject(
                "select count(*) from webhook_pending where request_id like ?", Integer.class,
                "perm-" + run + "%") == 0);
    }

    private String status(String paymentId) {
        return jdbc.queryForObject("select status from instruction where payment_id = ?", String.class, paymentId);
    }

    private int auditRows(String paymentId) {
        return jdbc.queryForObject("select count(*) from audit a join instruction i on i.id = a.instruction_id where i.payment_id = ?",
                Integer.class, paymentId);
    }

    /** Every order of 0..n-1. */
    static List<List<Integer>> permutations(int n) {
        List<List<Integer>> all = new ArrayList<>();
        permute(new ArrayList<>(), n, all);
        return all;
    }

    private static void permute(List<Integer> prefix, int n, List<List<Integer>> all) {
        if (prefix.size() == n) {
            all.add(List.copyOf(prefix));
            return;
        }
        for (int i = 0; i < n; i++) {
            if (!prefix.contains(i)) {
                prefix.add(i);
                permute(prefix, n, all);
                prefix.remove(prefix.size() - 1);
            }
        }
    }
}
