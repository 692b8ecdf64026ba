package io.flashbridge.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;

/**
 * A real HTTP endpoint that records every webhook delivery (headers and raw bytes) and answers
 * 200, or a chosen error status for the next few deliveries to exercise Flash's retries.
 */
public final class WebhookRecorder implements AutoCloseable {

    /** One delivery as it arrived. */
    public record Delivery(String path, String query, Map<String, String> headers, byte[] body, JsonNode json) {

        public String event() {
            return json.path("event").asText();
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToAnswer = new AtomicInteger();
    private volatile String failureMarker = "";
    private final ObjectMapper json = new ObjectMapper();

    public WebhookRecorder() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            deliveries.add(new Delivery(exchange.getRequestURI().getPath(), exchange.getRequestURI().getQuery(),
                    headers, body, json.readTree(new String(body, StandardCharsets.UTF_8))));
            boolean marked = new String(body, StandardCharsets.UTF_8).contains(failureMarker);
            int status = marked && failuresToAnswer.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next {@code count} deliveries whose body contains {@code marker} get HTTP 500. */
    public void failNext(int count, String marker) {
        failureMarker = marker;
        failuresToAnswer.set(count);
    }

    public List<Delivery> forEntity(String id) {
        return deliveries.stream().filter(d -> id.equals(d.json().path("id").asText())).toList();
    }

    public List<String> eventsFor(String id) {
        return forEntity(id).stream().map(Delivery::event).toList();
    }

    /** Waits until {@code id} has received a delivery of {@code lastEvent}, then answers all its events in order. */
    public List<String> awaitEvent(String id, String lastEvent) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> eventsFor(id).contains(lastEvent));
        return new ArrayList<>(eventsFor(id));
    }

    public List<Delivery> all() {
        return List.copyOf(deliveries);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
