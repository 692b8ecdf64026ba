package io.flashbridge.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers webhooks as Flash does (flash-api.md 12): one JSON event per POST, signed with
 * {@code flashfx-signature} = base64(HMAC-SHA256(secret, raw body)), the same
 * {@code flashfx-request-id} on every retry, retries after 6 s, 60 s and 600 s (times the clock's
 * scale) until a 2xx. Events of one entity leave in the order they happened: deliveries are
 * striped over single-threaded lanes by entity id.
 */
@Component
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final List<Duration> RETRY_DELAYS =
            List.of(Duration.ofSeconds(6), Duration.ofSeconds(60), Duration.ofSeconds(600));
    private static final int LANES = 4;
    private static final int LOG_SIZE = 20_000;

    /** One delivery attempt, kept for the admin API. */
    record Attempt(String requestId, String event, String entityId, String url, int attempt, int status) {}

    private record Delivery(String requestId, String url, String secret, String event, String entityId, byte[] body) {}

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final ExecutorService[] lanes = new ExecutorService[LANES];
    private final Deque<Attempt> attempts = new ArrayDeque<>();
    private final ObjectMapper json;
    private final SimulationClock clock;

    WebhookDispatcher(ObjectMapper json, SimulationClock clock) {
        this.json = json;
        this.clock = clock;
        for (int i = 0; i < LANES; i++) {
            int lane = i;
            lanes[i] = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "sandbox-webhooks-" + lane);
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    /** Sends {@code payload} to {@code url}, signed with {@code secret}; retries on its own schedule. */
    void send(String url, String secret, String event, String entityId, Map<String, Object> payload) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Delivery delivery = new Delivery(UUID.randomUUID().toString(), url, secret, event, entityId, body);
        lane(entityId).execute(() -> attempt(delivery, 1));
    }

    synchronized List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void attempt(Delivery delivery, int attempt) {
        int status = post(delivery);
        record(new Attempt(delivery.requestId(), delivery.event(), delivery.entityId(), delivery.url(), attempt, status));
        if (status >= 200 && status < 300) {
            return;
        }
        if (attempt > RETRY_DELAYS.size()) {
            log.warn("Webhook {} {} to {} failed {} times; dropped", delivery.event(), delivery.requestId(),
                    delivery.url(), attempt);
            return;
        }
        clock.after(RETRY_DELAYS.get(attempt - 1),
                () -> lane(delivery.entityId()).execute(() -> attempt(delivery, attempt + 1)));
    }

    private int post(Delivery delivery) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(Duration.ofSeconds(10))
                    .header("content-type", "application/json")
                    .header("user-agent", "FlashFX")
                    .header("flashfx-request-id", delivery.requestId())
                    .header("flashfx-signature", sign(delivery.secret(), delivery.body()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (Exception e) {
            log.debug("Webhook {} to {} failed: {}", delivery.event(), delivery.url(), e.toString());
            return -1;
        }
    }

    private synchronized void record(Attempt attempt) {
        attempts.addLast(attempt);
        if (attempts.size() > LOG_SIZE) {
            attempts.removeFirst();
        }
    }

    private ExecutorService lane(String entityId) {
        return lanes[Math.floorMod(entityId.hashCode(), LANES)];
    }

    @PreDestroy
    void stop() {
        for (ExecutorService lane : lanes) {
            lane.shutdownNow();
        }
    }
}
