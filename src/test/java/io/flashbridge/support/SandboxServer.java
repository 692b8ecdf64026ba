package io.flashbridge.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flashbridge.sandbox.SandboxApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real sandbox on a free port, as tests see Flash: over HTTP only. {@link #shared()} is started
 * once per test JVM with time running 50 times faster; {@link #start} makes a private one.
 */
public final class SandboxServer implements AutoCloseable {

    public static final String DEMO_EMAIL = "demo@flashbridge.local";
    public static final String DEMO_PASSWORD = "demo-password";
    public static final String WEBHOOK_SECRET = "test-webhook-secret";
    public static final String CALLBACK_SECRET = "test-callback-secret";

    private static SandboxServer shared;

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private SandboxServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static synchronized SandboxServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** A private sandbox; extra arguments such as {@code --sandbox.token-lifetime=3s} override the test defaults. */
    public static SandboxServer start(String... overrides) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--sandbox.time-scale=0.02",
                "--sandbox.webhook.url=",
                "--sandbox.webhook.secret=" + WEBHOOK_SECRET,
                "--sandbox.callback-secret=" + CALLBACK_SECRET,
                "--logging.level.io.flashbridge.sandbox=INFO"));
        for (String override : overrides) {
            String key = override.substring(0, override.indexOf('=') + 1);
            args.removeIf(arg -> arg.startsWith(key));
            args.add(override);
        }
        return new SandboxServer(SandboxApplication.start(false, args.toArray(String[]::new)));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public String url() {
        return "http://localhost:" + port() + "/";
    }

    /** POSTs JSON to an admin endpoint, e.g. {@code admin("POST", "deposits", Map.of(...))}. */
    public JsonNode admin(String method, String path, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "admin/" + path))
                    .header("content-type", "application/json")
                    .method(method, body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                throw new IllegalStateException("Sandbox admin " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the regular webhooks of {@code clientEmail} to {@code url}, signed with {@link #WEBHOOK_SECRET}. */
    /** Flash's webhooks for {@code clientEmail} go where nothing listens: only look-ups and the poller can tell the bridge. */
    public void sendWebhooksNowhere(String clientEmail) {
        registerWebhook(clientEmail, "http://127.0.0.1:9/webhooks/flash");
    }

    public void registerWebhook(String clientEmail, String url) {
        admin("PUT", "webhook?client=" + clientEmail, Map.of("url", url, "secret", WEBHOOK_SECRET, "events", List.of()));
    }

    /** A raw GraphQL POST, for tests that check the wire format itself. */
    public HttpResponse<String> post(String body, String bearerToken) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url()))
                    .header("content-type", "application/json")
                    .header("user-agent", "FlashBridge-tests")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (bearerToken != null) {
                request.header("authorization", "Bearer " + bearerToken);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many withdrawals Flash holds per {@code externalId} for {@code clientEmail}: more than one is a payout paid twice. */
    public Map<String, Integer> withdrawalsByExternalId(String clientEmail, String password) {
        try {
            String token = awaitToken(clientEmail, password);
            JsonNode withdrawals = json.readTree(post("{\"query\":\"{ withdrawals { externalId } }\"}", token).body())
                    .path("data").path("withdrawals");
            Map<String, Integer> counts = new java.util.HashMap<>();
            withdrawals.forEach(withdrawal -> counts.merge(withdrawal.path("externalId").asText(), 1, Integer::sum));
            return counts;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a GraphQL {@code query} (no variables) as the holder of {@code token}; answers its {@code data}. */
    public JsonNode query(String token, String query) {
        try {
            return json.readTree(post(json.writeValueAsString(Map.of("query", query)), token).body()).path("data");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token for {@code clientEmail}, waiting out Flash's one-login-a-second limit. */
    public String awaitToken(String clientEmail, String password) {
        String[] token = new String[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(1100))
                .until(() -> (token[0] = token(clientEmail, password)) != null);
        return token[0];
    }

    /** A bearer token for {@code clientEmail}, or null when the login is refused (Flash allows one login a second). */
    public String token(String clientEmail, String password) {
        try {
            String login = json.writeValueAsString(Map.of("query", "mutation($input: LoginInput!) { login(input: $input) { token } }",
                    "variables", Map.of("input", Map.of("email", clientEmail, "password", password))));
            return json.readTree(post(login, null).body()).path("data").path("login").path("token").asText(null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
