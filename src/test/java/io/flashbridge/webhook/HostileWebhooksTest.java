package io.flashbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.BridgeTestSupport;
import io.flashbridge.support.Hmac;
import io.flashbridge.support.SandboxServer;
import io.flashbridge.support.WebhookClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Oversized, wrongly typed and malformed webhook requests get a clear 4xx and store nothing. */
@BridgeTest
class HostileWebhooksTest extends BridgeTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void answersAFiveMegabyteSignedBody413BeforeStoringIt() {
        byte[] body = ("{\"event\":\"withdrawal_completed\",\"pad\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        var response = new WebhookClient(port).post("/webhooks/flash", "application/json", body,
                Hmac.base64(SandboxServer.WEBHOOK_SECRET, body), "big-" + System.nanoTime());

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void answersAFormPost415EvenUnsigned() {
        var response = new WebhookClient(port).post("/webhooks/flash", "application/x-www-form-urlencoded",
                "event=withdrawal_completed&id=1".getBytes(StandardCharsets.UTF_8), null, null);
        var callback = new WebhookClient(port).post("/webhooks/flash/callback?signature=x", "application/x-www-form-urlencoded",
                "event=withdrawal_completed&id=1".getBytes(StandardCharsets.UTF_8), null, null);

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(callback.statusCode()).isEqualTo(415);
    }

    @Test
    void answersDeeplyNestedOrAmbiguousJson400AndStoresNothing() {
        String requestId = "nested-" + System.nanoTime();
        String nested = "[".repeat(10_000) + "]".repeat(10_000);
        String twice = "{\"event\":\"withdrawal_completed\",\"event\":\"withdrawal_cancelled\",\"id\":\"1\"}";

        assertThat(new WebhookClient(port).signed(nested, requestId).statusCode()).isEqualTo(400);
        assertThat(new WebhookClient(port).signed(twice, requestId + "-twice").statusCode()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from webhook_event where request_id like ?", Integer.class,
                requestId + "%")).isZero();
    }

    @Test
    void checksTheSignatureOverTheBytesReceivedWhateverCharsetTheyClaim() {
        String requestId = "bytes-" + System.nanoTime();
        // UTF-8 bytes declared as US-ASCII: decoding and encoding them again would change them.
        byte[] body = "{\"event\":\"withdrawal_completed\",\"id\":\"1\",\"statusMessage\":\"Paiement reçu — merci\"}"
                .getBytes(StandardCharsets.UTF_8);

        var response = new WebhookClient(port).post("/webhooks/flash", "application/json; charset=US-ASCII", body,
                Hmac.base64(SandboxServer.WEBHOOK_SECRET, body), requestId);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select body from webhook_event where request_id = ?", String.class, requestId))
                .isEqualTo(new String(body, StandardCharsets.UTF_8));
    }

    @Test
    void answersAnOverlongRequestId400() {
        assertThat(new WebhookClient(port).signed("{\"event\":\"x\"}", "r".repeat(500)).statusCode()).isEqualTo(400);
    }
}
