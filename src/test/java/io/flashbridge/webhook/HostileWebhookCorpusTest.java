package io.flashbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.Set;

import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.BridgeTestSupport;
import io.flashbridge.support.Hmac;
import io.flashbridge.support.SandboxServer;
import io.flashbridge.support.WebhookClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@value #CASES} generated hostile webhook requests (seeded, so a failure repeats) through the real
 * HTTP endpoints: unsigned, forged, truncated, nested 10,000 deep, keys given twice, huge numbers,
 * wrong types, wrong content types, oversized. None gets a 5xx, none moves a payout, and the bridge
 * still answers its health check afterwards.
 */
@BridgeTest
class HostileWebhookCorpusTest extends BridgeTestSupport {

    private static final int CASES = 4_000;
    private static final Set<Integer> CLEAR_ANSWERS = Set.of(200, 400, 401, 413, 415);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void survivesThousandsOfHostileWebhooksWithoutMovingAPayout() {
        WebhookClient client = new WebhookClient(port);
        Random random = new Random(20261127);
        Integer auditBefore = jdbc.queryForObject("select count(*) from audit", Integer.class);
        long started = System.nanoTime();

        for (int i = 0; i < CASES; i++) {
            int kind = random.nextInt(10);
            byte[] body = body(kind, random).getBytes(StandardCharsets.UTF_8);
            boolean sign = random.nextInt(4) != 0;
            String path = random.nextBoolean() ? "/webhooks/flash" : "/webhooks/flash/callback?signature=" + random.nextInt();
            String contentType = switch (random.nextInt(8)) {
                case 0 -> "application/x-www-form-urlencoded";
                case 1 -> null;
                case 2 -> "text/plain";
                default -> "application/json";
            };
            long caseStarted = System.nanoTime();

            var response = client.post(path, contentType, body, sign ? Hmac.base64(SandboxServer.WEBHOOK_SECRET, body) : "bogus",
                    "fuzz-" + i + "-" + random.nextInt(3));

            assertThat(response.statusCode()).as("case %d (kind %d)", i, kind).isIn(CLEAR_ANSWERS);
            assertThat(Duration.ofNanos(System.nanoTime() - caseStarted)).as("case %d", i).isLessThan(Duration.ofSeconds(10));
        }

        System.out.printf("Hostile webhook cases: %d in %d ms%n", CASES, (System.nanoTime() - started) / 1_000_000);
        assertThat(jdbc.queryForObject("select count(*) from audit", Integer.class)).isEqualTo(auditBefore);
        assertThat(new WebhookClient(port).post("/webhooks/flash", "application/json", "{}".getBytes(StandardCharsets.UTF_8),
                null, "after").statusCode()).isEqualTo(401);
    }

    private static String body(int kind, Random random) {
        String id = Long.toHexString(random.nextLong());
        return switch (kind) {
            case 0 -> "[".repeat(10_000) + "]".repeat(10_000);
            case 1 -> "{\"event\":\"withdrawal_completed\",\"event\":\"withdrawal_cancelled\",\"id\":\"" + id + "\"}";
            case 2 -> "{\"event\":\"withdrawal_completed\",\"id\":\"" + id + "\",\"totalFee\":1" + "0".repeat(2_000) + "}";
            case 3 -> "{\"event\":42,\"id\":{\"nested\":true},\"externalId\":[1,2],\"eventScheduledAt\":false}";
            case 4 -> "{\"event\":\"withdrawal_cancelled\",\"id\":\"" + id + "\",\"externalId\":\"X-" + id
                    + "\",\"eventScheduledAt\":\"2099-01-01T00:00:00.000Z\"}";
            case 5 -> "{\"event\":\"withdrawal_completed\",\"id\":\"" + id + "\",\"pad\":\"" + "x".repeat(70_000) + "\"}";
            case 6 -> "{\"event\":\"withdrawal_failed\",\"id\":\"" + id + "\u0000\",\"externalId\":\"=cmd|' /C calc'!A0\"}";
            case 7 -> "{\"event\":\"withdrawal_completed\",\"id\":\"" + id;
            case 8 -> new String(randomBytes(random), StandardCharsets.ISO_8859_1);
            default -> "{\"event\":\"" + "e".repeat(500) + "\",\"id\":\"" + "i".repeat(500) + "\"}";
        };
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(2_000)];
        random.nextBytes(bytes);
        return bytes;
    }
}
