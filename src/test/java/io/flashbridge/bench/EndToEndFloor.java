package io.flashbridge.bench;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.flashbridge.instruction.IdempotencyKeys;
import io.flashbridge.instruction.PartyNames;

/**
 * The floor of the end-to-end benchmark: a minimal loop client that makes the bridge's Flash calls
 * for the same payouts with the same concurrency (8 senders, one {@code createWithdrawal} each, the
 * same input fields, waiting out a 429's Retry-After) and acknowledges Flash's webhooks with a bare
 * 200 — no file, no ledger, no queue, no signature check. It runs as a client account of its own
 * in the same sandbox and prints payouts/s from the first call until every payout's final webhook.
 *
 * <p>Arguments: number of payouts, sandbox URL, port for its webhook listener.
 */
public final class EndToEndFloor {

    private static final int SENDERS = 8;
    private static final Pattern FINAL_EVENT = Pattern.compile("\"event\"\\s*:\\s*\"withdrawal_(completed|failed|refunded|cancelled)\"");
    private static final Pattern EXTERNAL_ID = Pattern.compile("\"externalId\"\\s*:\\s*\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger WEBHOOKS_RECEIVED = new AtomicInteger();

    private EndToEndFloor() {}

    public static void main(String[] args) throws Exception {
        int payouts = Integer.parseInt(args[0]);
        String sandbox = args[1].endsWith("/") ? args[1] : args[1] + "/";
        int port = Integer.parseInt(args[2]);
        Set<String> finals = ConcurrentHashMap.newKeySet();
        HttpServer listener = bareWebhookListener(port, finals);
        String email = "floor-" + System.currentTimeMillis() + "@bench.local";
        admin(sandbox, "POST", "admin/clients", Map.of("email", email, "password", "floor-password", "companyName", "Floor Pty Ltd",
                "balances", Map.of("AUD", new BigDecimal("1000000000"))));
        admin(sandbox, "PUT", "admin/webhook?client=" + email, Map.of("url", "http://127.0.0.1:" + port + "/",
                "secret", "floor-secret", "events", List.of()));
        String token = login(sandbox, email);
        String document = new String(EndToEndFloor.class.getResourceAsStream("/graphql/createWithdrawal.graphql").readAllBytes(),
                StandardCharsets.UTF_8);
        String run = "floor-" + System.currentTimeMillis();

        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        List<java.util.concurrent.Future<Object>> sending = new java.util.ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            sending.add(senders.submit(() -> {
                for (int i = next.incrementAndGet(); i <= payouts; i = next.incrementAndGet()) {
                    createWithdrawal(sandbox, token, document, run, i);
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<Object> sender : sending) {
            sender.get();
        }
        senders.shutdown();
        long sent = System.nanoTime();
        System.out.printf("Floor: %,d createWithdrawal calls in %.2f s%n", payouts, (sent - start) / 1e9);
        long lastReport = sent;
        while (finals.size() < payouts) {
            Thread.sleep(20);
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                lastReport = System.nanoTime();
                System.out.printf("Floor: %,d of %,d final so far (%,d webhooks received)%n", finals.size(), payouts, WEBHOOKS_RECEIVED.get());
            }
        }
        long done = System.nanoTime();
        listener.stop(0);
        System.out.printf("Floor (minimal loop client, 8 senders, bare 200 webhooks): %,d payouts sent in %.2f s, all final after %.2f s: %,.0f payouts/s%n",
                payouts, (sent - start) / 1e9, (done - start) / 1e9, payouts / ((done - start) / 1e9));
        System.out.printf("RESULT e2e-floor %.1f%n", payouts / ((done - start) / 1e9));
    }

    private static void createWithdrawal(String sandbox, String token, String document, String run, int i) throws Exception {
        String id = run + "-" + i;
        // The same payee as row i of the bridge's benchmark file.
        Map<String, Object> recipient = new LinkedHashMap<>(PartyNames.toFlash("Payee Number X" + PayoutBenchmark.toLetters(i)));
        recipient.putAll(Map.of("currency", "AUD", "accountIdType", "BSB", "bsb", "062-000", "accountNo", Integer.toString(10_000_000 + i)));
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("amount", new BigDecimal((1 + i % 10) + "." + String.format("%02d", i % 100)));
        input.put("currency", "AUD");
        input.put("recipient", recipient);
        input.put("sender", PartyNames.toFlash("Acme Payroll Pty Ltd"));
        input.put("externalReference", "INV-" + i);
        input.put("externalId", id);
        input.put("idempotencyKey", IdempotencyKeys.of("floor", id));
        String body = JSON.writeValueAsString(Map.of("query", document, "variables", Map.of("input", input)));
        while (true) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox))
                    .header("content-type", "application/json").header("authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 429) {
                Thread.sleep(1000L * Long.parseLong(answer.headers().firstValue("retry-after").orElse("1")));
            } else if (answer.statusCode() != 200 || !answer.body().contains("\"success\":true")) {
                throw new IllegalStateException("createWithdrawal " + id + " answered " + answer.statusCode() + ": " + answer.body());
            } else {
                return;
            }
        }
    }

    private static HttpServer bareWebhookListener(int port, Set<String> finals) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.setExecutor(Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "floor-webhooks");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String event = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                WEBHOOKS_RECEIVED.incrementAndGet();
                Matcher externalId = EXTERNAL_ID.matcher(event);
                if (FINAL_EVENT.matcher(event).find() && externalId.find()) {
                    finals.add(externalId.group(1));
                }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String login(String sandbox, String email) throws Exception {
        String body = JSON.writeValueAsString(Map.of("query", "mutation($input: LoginInput!) { login(input: $input) { token } }",
                "variables", Map.of("input", Map.of("email", email, "password", "floor-password"))));
        for (int attempt = 0; attempt < 10; attempt++) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox))
                    .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String token = JSON.readTree(answer.body()).path("data").path("login").path("token").asText(null);
            if (token != null) {
                return token;
            }
            Thread.sleep(1_100);
        }
        throw new IllegalStateException("the sandbox refused the floor's login");
    }

    private static void admin(String sandbox, String method, String path, Object body) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox + path))
                .header("content-type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }
}
