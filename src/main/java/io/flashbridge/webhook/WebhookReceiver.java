package io.flashbridge.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flashbridge.instruction.Sha256;
import io.flashbridge.ledger.EventTargets;
import io.flashbridge.ledger.WebhookInbox;
import org.apache.camel.Exchange;
import org.apache.camel.http.common.HttpMessage;
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

    /** Header telling the route a new event was stored and waits to be processed (it was not applied as it was stored). */
    public static final String STORED = "FlashBridgeWebhookStored";
    public static final String REQUEST_ID = "FlashBridgeRequestId";
    private static final Pattern REQUEST_ID_SHAPE = Pattern.compile("[\\x21-\\x7e]{1,100}");
    private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);

    private final WebhookInbox inbox;
    private final WebhookProperties properties;
    private final CallbackTokens callbacks;
    private final EventTargets targets;
    private final RefusedEvents refused;
    private final ObjectMapper json;
    private final io.micrometer.core.instrument.MeterRegistry meters;
    /** The received counters by channel and outcome, looked up once: every webhook counts. */
    private final Map<String, io.micrometer.core.instrument.Counter> received = new java.util.concurrent.ConcurrentHashMap<>();
    private final ObjectReader strictJson;
    private final InlineApplication inline;

    WebhookReceiver(WebhookInbox inbox, WebhookProperties properties, CallbackTokens callbacks, EventTargets targets,
                    RefusedEvents refused, ObjectMapper json, io.micrometer.core.instrument.MeterRegistry meters,
                    InlineApplication inline) {
        this.inline = inline;
        this.meters = meters;
        this.inbox = inbox;
        this.properties = properties;
        this.callbacks = callbacks;
        this.targets = targets;
        this.refused = refused;
        this.json = json;
        // A key given twice could mean one thing to the bridge and another to whoever reads the stored body.
        this.strictJson = json.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** {@code POST /webhooks/flash}: regular webhooks signed with {@code flashfx-signature}. */
    public void receive(Exchange exchange) {
        byte[] body = body(exchange);
        String signature = exchange.getIn().getHeader("flashfx-signature", String.class);
        if (!Hmac.matches(Hmac.base64(properties.secret(), body), signature)) {
            refused.refused("bad-signature", (signature == null ? "missing" : "invalid") + " flashfx-signature");
            answer(exchange, 401, Map.of("error", "invalid or missing flashfx-signature"), false, null);
            return;
        }
        store(exchange, body, parse(body), "REGULAR", exchange.getIn().getHeader("flashfx-request-id", String.class));
    }

    /**
     * {@code POST /webhooks/flash/callback?signature=}: ad hoc callbacks. The token authorizes one
     * payout only: the one whose payment id is the body's {@code externalId} and, once the bridge
     * knows it, whose Flash id is the body's {@code id}. Anything else is 401 and stores nothing.
     */
    public void receiveCallback(Exchange exchange) {
        byte[] body = body(exchange);
        JsonNode event = parse(body);
        String signature = exchange.getIn().getHeader("signature", String.class);
        String externalId = event == null || !event.path("externalId").isTextual() ? null : event.path("externalId").asText();
        if (!callbacks.valid(externalId, signature)) {
            refused.refused("bad-signature", "callback token does not match its externalId");
            answer(exchange, 401, Map.of("error", "invalid or missing signature"), false, null);
            return;
        }
        String flashId = event.path("id").isValueNode() ? event.path("id").asText() : null;
        EventTargets.Target target = targets.resolve(flashId, externalId, true);
        if (target.refused()) {
            refused.refused("wrong-payout", "callback for " + externalId + ": " + target.refusal());
            answer(exchange, 401, Map.of("error", "this callback's token does not authorize an event about withdrawal " + flashId),
                    false, null);
            return;
        }
        String requestId = exchange.getIn().getHeader("flashfx-request-id", String.class);
        store(exchange, body, event, "CALLBACK", requestId != null ? requestId : "callback-" + Sha256.hex(body));
    }

    private void store(Exchange exchange, byte[] body, JsonNode event, String channel, String requestId) {
        String problem = event == null ? "body is not a JSON object (or has a key twice)"
                : requestId == null || requestId.isBlank() ? "missing flashfx-request-id"
                : !REQUEST_ID_SHAPE.matcher(requestId).matches() ? "flashfx-request-id must be 1 to 100 printable ASCII characters"
                : null;
        if (problem != null) {
            refused.refused("malformed", problem);
            answer(exchange, 400, Map.of("error", problem), false, null);
            return;
        }
        // event and entity_id only index the stored body, which stays exactly as received.
        Instant now = Instant.now();
        WebhookInbox.StoredEvent storedEvent = new WebhookInbox.StoredEvent(requestId, channel, shortened(event.path("event").asText()),
                event.path("id").isValueNode() ? shortened(event.path("id").asText()) : null,
                new String(body, StandardCharsets.UTF_8), now);
        WebhookInbox.Stored outcome = inbox.store(storedEvent, now, stored -> inline.applyNow(stored, event));
        boolean stored = outcome != WebhookInbox.Stored.DUPLICATE;
        received.computeIfAbsent(channel + " " + stored, key -> meters.counter("flashbridge.webhooks.received",
                "channel", channel.toLowerCase(), "duplicate", String.valueOf(!stored))).increment();
        if (!stored) {
            log.debug("Webhook {} received again; already stored", requestId);
        }
        answer(exchange, 200, Map.of("received", requestId, "duplicate", !stored), outcome == WebhookInbox.Stored.PENDING,
                requestId);
    }

    private void answer(Exchange exchange, int status, Map<String, Object> body, boolean pending, String requestId) {
        var message = exchange.getMessage();
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader(STORED, pending);
        message.setHeader(REQUEST_ID, requestId);
        try {
            message.setBody(json.writeValueAsString(body));
        } catch (Exception e) {
            message.setBody("{}");
        }
    }

    private static String shortened(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64);
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = strictJson.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** The body as the filter read it off the wire (no decoding and encoding again), else as Camel has it. */
    private static byte[] body(Exchange exchange) {
        if (exchange.getIn() instanceof HttpMessage http && http.getRequest() != null
                && http.getRequest().getAttribute(WebhookBodyLimit.RAW_BODY) instanceof byte[] raw) {
            return raw;
        }
        byte[] body = exchange.getIn().getBody(byte[].class);
        return body == null ? new byte[0] : body;
    }

}
