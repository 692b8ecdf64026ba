package io.flashbridge.flash;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.util.json.JsonObject;
import org.springframework.stereotype.Component;

/**
 * Sends one Flash operation through camel-graphql and turns every way it can go wrong into a
 * {@link FlashException}: HTTP 429/5xx/timeouts, a GraphQL {@code errors} array (which Flash
 * sends with HTTP 200), and {@code success: false}.
 */
@Component
class FlashTransport {

    static final String VARIABLES_HEADER = "FlashVariables";

    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final ProducerTemplate template;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FlashTransport.class);
    private final Map<FlashOperation, String> authenticatedUris = new EnumMap<>(FlashOperation.class);
    private final Map<FlashOperation, String> anonymousUris = new EnumMap<>(FlashOperation.class);
    private final io.micrometer.core.instrument.MeterRegistry meters;
    private volatile Instant lastSuccess;
    private volatile Instant notBefore;
    private final Map<String, io.micrometer.core.instrument.Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    FlashTransport(ProducerTemplate template, FlashProperties properties, io.micrometer.core.instrument.MeterRegistry meters) {
        this.template = template;
        this.meters = meters;
        String url = properties.apiUrl().toString();
        for (FlashOperation operation : FlashOperation.values()) {
            String base = "graphql:" + url + "?queryFile=" + operation.document() + "&variablesHeader=" + VARIABLES_HEADER;
            authenticatedUris.put(operation, base + "&httpClient=#flashHttpClient");
            anonymousUris.put(operation, base + "&httpClient=#flashLoginHttpClient");
        }
    }

    /** When Flash last answered a call (any answer but a failure); empty before the first. */
    java.util.Optional<Instant> lastSuccess() {
        return java.util.Optional.ofNullable(lastSuccess);
    }

    /** Calls with the session's bearer token (added by {@code flashHttpClient}). */
    JsonNode send(FlashOperation operation, Map<String, Object> variables) {
        return call(authenticatedUris.get(operation), operation, variables, null);
    }

    /** Calls without the session: {@code login}, or {@code logout} with an explicit token. */
    JsonNode sendAnonymously(FlashOperation operation, Map<String, Object> variables, String bearerToken) {
        return call(anonymousUris.get(operation), operation, variables, bearerToken);
    }

    /**
     * One Flash call, timed as {@code flashbridge.flash.calls} by operation and outcome ({@code ok},
     * {@code rejected}, {@code invalid}, {@code rate-limited}, {@code unauthenticated}, {@code unavailable}).
     */
    private JsonNode call(String uri, FlashOperation operation, Map<String, Object> variables, String bearerToken) {
        waitOutRateLimit();
        long started = System.nanoTime();
        String outcome = "ok";
        try {
            JsonNode answer = callOnce(uri, operation, variables, bearerToken);
            lastSuccess = Instant.now();
            return answer;
        } catch (FlashException failure) {
            outcome = outcome(failure);
            if (failure instanceof FlashRateLimitedException limited && limited.retryAfter().isPresent()) {
                holdCallsFor(limited.retryAfter().get());
            }
            throw failure;
        } finally {
            timer(operation, outcome).record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Flash's 429 asks the client, not one request, to wait: every call from any thread waits until
     * the latest Retry-After has passed. (Calls already on the wire when the 429 arrives cannot be
     * called back.)
     */
    private void holdCallsFor(Duration retryAfter) {
        Instant until = Instant.now().plus(retryAfter);
        synchronized (this) {
            if (notBefore == null || until.isAfter(notBefore)) {
                notBefore = until;
            }
        }
        log.warn("Flash asked to wait {} s (429): no call goes out before {}", retryAfter.toSeconds(), until);
    }

    private void waitOutRateLimit() {
        while (true) {
            Instant until = notBefore;
            long wait = until == null ? 0 : Duration.between(Instant.now(), until).toMillis();
            if (wait <= 0) {
                return;
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FlashUnavailableException(FlashOperation.LOGIN, "interrupted while waiting out a rate limit", null,
                        null, e);
            }
        }
    }

    /** The {@code flashbridge.flash.calls} timer of one operation and outcome, built once (every call records one). */
    private io.micrometer.core.instrument.Timer timer(FlashOperation operation, String outcome) {
        return timers.computeIfAbsent(operation.field() + " " + outcome, key -> io.micrometer.core.instrument.Timer
                .builder("flashbridge.flash.calls").description("Flash GraphQL calls by operation and outcome")
                .tag("operation", operation.field()).tag("outcome", outcome).publishPercentileHistogram().register(meters));
    }

    private static String outcome(FlashException failure) {
        if (failure instanceof FlashRateLimitedException) {
            return "rate-limited";
        }
        if (failure instanceof FlashAuthenticationException) {
            return "unauthenticated";
        }
        if (failure instanceof FlashRejectedException) {
            return "rejected";
        }
        if (failure instanceof FlashGraphQlErrorException) {
            return "invalid";
        }
        return "unavailable";
    }

    private JsonNode callOnce(String uri, FlashOperation operation, Map<String, Object> variables, String bearerToken) {
        Exchange exchange = template.send(uri, ex -> {
            ex.getIn().setHeader(VARIABLES_HEADER, new JsonObject(variables));
            if (bearerToken != null) {
                ex.getIn().setHeader("Authorization", "Bearer " + bearerToken);
            }
        });
        if (exchange.getException() != null) {
            throw failure(operation, exchange.getException());
        }
        return answer(operation, exchange.getMessage().getBody(String.class));
    }

    private JsonNode answer(FlashOperation operation, String body) {
        JsonNode root;
        try {
            root = json.readTree(body == null ? "" : body);
        } catch (IOException e) {
            throw new FlashUnavailableException(operation, "answer is not JSON", null, null, e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new FlashUnavailableException(operation, "empty answer", null, null, null);
        }
        JsonNode errors = root.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            throw graphQlError(operation, errors.get(0), root);
        }
        JsonNode result = root.path("data").path(operation.field());
        if (operation.hasReplyEnvelope() && !result.path("success").asBoolean(false)) {
            throw new FlashRejectedException(operation, text(result, "code", "UNKNOWN"),
                    text(result, "message", "Flash refused the request without a message"));
        }
        return result;
    }

    private static FlashException graphQlError(FlashOperation operation, JsonNode error, JsonNode root) {
        JsonNode extensions = error.path("extensions");
        String code = text(extensions, "code", "GRAPHQL_ERROR");
        String message = text(error, "message", "GraphQL error");
        return switch (code) {
            case "UNAUTHENTICATED" -> new FlashAuthenticationException(operation, code, message);
            case "TOO_MANY_REQUESTS" -> new FlashRateLimitedException(operation,
                    Duration.ofSeconds(Math.max(1, extensions.path("retrySecs").asInt(root.path("retrySecs").asInt(1)))));
            default -> new FlashGraphQlErrorException(operation, code, extensions.path("field").asText(null), message);
        };
    }

    private FlashException failure(FlashOperation operation, Exception exception) {
        if (exception instanceof HttpOperationFailedException http) {
            int status = http.getStatusCode();
            if (status == 429) {
                return new FlashRateLimitedException(operation, retryAfter(http).orElse(Duration.ofSeconds(1)));
            }
            if (status == 401 || status == 403) {
                return new FlashAuthenticationException(operation, "HTTP_" + status, "Flash refused the token");
            }
            if (status >= 400 && status < 500 && status != 408) {
                return rejectedByHttp(operation, http);
            }
            return new FlashUnavailableException(operation, "HTTP " + status, status, retryAfter(http).orElse(null), exception);
        }
        // Timeouts, refused connections, resets: the call may or may not have reached Flash.
        // Retrying is safe because every create carries an idempotency key.
        return new FlashUnavailableException(operation, exception.getClass().getSimpleName() + ": " + exception.getMessage(),
                null, null, exception);
    }

    private FlashException rejectedByHttp(FlashOperation operation, HttpOperationFailedException http) {
        try {
            JsonNode errors = json.readTree(http.getResponseBody()).path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                return graphQlError(operation, errors.get(0), json.createObjectNode());
            }
        } catch (IOException | RuntimeException notJson) {
            // fall through to a plain HTTP rejection
        }
        return new FlashGraphQlErrorException(operation, "HTTP_" + http.getStatusCode(), null,
                "HTTP " + http.getStatusCode() + " " + http.getStatusText());
    }

    private Optional<Duration> retryAfter(HttpOperationFailedException http) {
        Optional<Duration> header = http.getResponseHeaders().entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase("Retry-After"))
                .map(entry -> parseSeconds(entry.getValue()))
                .flatMap(Optional::stream)
                .findFirst();
        if (header.isPresent()) {
            return header;
        }
        try {
            JsonNode retrySecs = json.readTree(http.getResponseBody()).path("retrySecs");
            return retrySecs.isNumber() ? Optional.of(Duration.ofSeconds(retrySecs.asLong())) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> parseSeconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : fallback;
    }
}
