package io.flashbridge.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flashbridge.ledger.WebhookInbox;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The HTTP side of Flash's webhooks: checks the signature over the exact bytes received, stores
 * the event (a repeated request id is acknowledged and ignored), and only then answers 200. A bad
 * or missing signature gets 401 and changes nothing. Processing happens afterwards, elsewhere.
 */
@Component("webhookReceiver")
public class WebhookReceiver {

    /** Header telling the route a new event was stored and must be processed. */
    public static final String STORED = "FlashBridgeWebhookStored";
    public static final String REQUEST_ID = "FlashBridgeRequestId";
    private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);

    private final WebhookInbox inbox;
    private final WebhookProperties properties;
    private final CallbackTokens callbacks;
    private final ObjectMapper json;

    WebhookReceiver(WebhookInbox inbox, WebhookProperties properties, CallbackTokens callbacks, ObjectMapper json) {
        this.inbox = inbox;
        this.properties = properties;
        this.callbacks = callbacks;
        this.json = json;
    }

    /** {@code POST /webhooks/flash}: regular webhooks signed with {@code flashfx-signature}. */
    public void receive(Exchange exchange) {
        byte[] body = body(exchange);
        String signature = exchange.getIn().getHeader("flashfx-signature", String.class);
        if (!Hmac.matches(Hmac.base64(properties.secret(), body), signature)) {
            log.warn("Webhook refused: {} flashfx-signature", signature == null ? "missing" : "invalid");
            answer(exchange, 401, Map.of("error", "invalid or missing flashfx-signature"), false, null);
            return;
        }
        store(exchange, body, "REGULAR", exchange.getIn().getHeader("flashfx-request-id", String.class));
    }

    /** {@code POST /webhooks/flash/callback?signature=}: ad hoc callbacks carrying the bridge's own token. */
    public void receiveCallback(Exchange exchange) {
        byte[] body = body(exchange);
        JsonNode event = parse(body);
        String signature = exchange.getIn().getHeader("signature", String.class);
        if (event == null || !callbacks.valid(event.path("externalId").asText(null), signature)) {
            log.warn("Callback refused: signature does not match its externalId");
            answer(exchange, 401, Map.of("error", "invalid or missing signature"), false, null);
            return;
        }
        String requestId = exchange.getIn().getHeader("flashfx-request-id", String.class);
        store(exchange, body, "CALLBACK", requestId != null ? requestId : "callback-" + sha256(body));
    }

    private void store(Exchange exchange, byte[] body, String channel, String requestId) {
        JsonNode event = parse(body);
        if (event == null || requestId == null || requestId.isBlank()) {
            answer(exchange, 400, Map.of("error", event == null ? "body is not JSON" : "missing flashfx-request-id"), false, null);
            return;
        }
        boolean stored = inbox.store(new WebhookInbox.StoredEvent(requestId, channel, event.path("event").asText(),
                event.path("id").asText(null), new String(body, StandardCharsets.UTF_8)), Instant.now());
        if (!stored) {
            log.debug("Webhook {} received again; already stored", requestId);
        }
        answer(exchange, 200, Map.of("received", requestId, "duplicate", !stored), stored, requestId);
    }

    private void answer(Exchange exchange, int status, Map<String, Object> body, boolean stored, String requestId) {
        var message = exchange.getMessage();
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader(STORED, stored);
        message.setHeader(REQUEST_ID, requestId);
        try {
            message.setBody(json.writeValueAsString(body));
        } catch (Exception e) {
            message.setBody("{}");
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static byte[] body(Exchange exchange) {
        byte[] body = exchange.getIn().getBody(byte[].class);
        return body == null ? new byte[0] : body;
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
