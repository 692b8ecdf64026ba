package io.flashbridge.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Flash's single endpoint: every operation is a POST of {@code {query, variables}} to the root
 * path. Execution is Spring for GraphQL's; this class adds what Flash does around it: the bearer
 * token, HTTP 429 with {@code Retry-After} for rate limits, validation errors without
 * {@code data}, and injected faults.
 */
@RestController
class GraphQlHttpEndpoint {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};
    private static final List<String> ERRORS_WITHOUT_DATA = List.of("BAD_USER_INPUT", "UNAUTHENTICATED");

    private final RequestLog requestLog;
    private final ObjectMapper requestReader = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final ExecutionGraphQlService graphQl;
    private final TokenIssuer tokens;
    private final Accounts accounts;
    private final Faults faults;

    GraphQlHttpEndpoint(ExecutionGraphQlService graphQl, TokenIssuer tokens, Accounts accounts, Faults faults,
                        RequestLog requestLog) {
        this.requestLog = requestLog;
        this.graphQl = graphQl;
        this.tokens = tokens;
        this.accounts = accounts;
        this.faults = faults;
    }

    @PostMapping(path = "/", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> post(@RequestBody(required = false) byte[] body,
                                @RequestHeader(name = "authorization", required = false) String authorization)
            throws InterruptedException {
        java.time.Instant arrived = java.time.Instant.now();
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        Map<String, Object> request = parse(text);
        String query = request != null && request.get("query") instanceof String document ? document : null;
        Caller caller = authenticate(authorization);
        ResponseEntity<Object> answer = answer(text, request, query, caller);
        String retryAfter = answer.getHeaders().getFirst("Retry-After");
        requestLog.record(new RequestLog.Request(arrived, java.time.Instant.now(), caller.email(), RequestLog.operation(query),
                answer.getStatusCode().value(), retryAfter == null ? null : Integer.valueOf(retryAfter)));
        return answer;
    }

    /** The request as a JSON object, or null when it is not one. */
    private Map<String, Object> parse(String text) {
        try {
            return requestReader.readValue(text, JSON_OBJECT);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private ResponseEntity<Object> answer(String text, Map<String, Object> request, String query, Caller caller)
            throws InterruptedException {
        Optional<Faults.Fault> fault = faults.next(text, caller.email());
        boolean loseAnswer = fault.isPresent() && fault.get().kind() == Faults.Kind.LOST_ANSWER;
        if (fault.isPresent() && !loseAnswer) {
            Optional<ResponseEntity<Object>> injected = inject(fault.get());
            if (injected.isPresent()) {
                return injected.get();
            }
        }
        if (request == null) {
            return badRequest("Request body must be a JSON object {\"query\": ..., \"variables\": {...}}");
        }
        if (query == null || query.isBlank()) {
            return badRequest("Missing \"query\" in request body");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = (Map<String, Object>) request.get("variables");
        DefaultExecutionGraphQlRequest execution = new DefaultExecutionGraphQlRequest(
                query, (String) request.get("operationName"), variables, null, UUID.randomUUID().toString(), null);
        execution.configureExecutionInput((input, builder) -> builder.graphQLContext(caller.context()).build());
        ExecutionGraphQlResponse response = graphQl.execute(execution).block();
        if (loseAnswer) {
            return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT).body(Map.of("message", "Injected fault: carried out, answer lost"));
        }
        return shape(response.toMap());
    }

    /** Who is calling: the user of a valid bearer token (null otherwise) and the GraphQL context for the call. */
    private record Caller(String email, Map<String, Object> context) {}

    private Caller authenticate(String authorization) {
        Map<String, Object> context = new HashMap<>();
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Caller(null, context);
        }
        String token = authorization.substring(7).trim();
        try {
            String email = tokens.verify(token);
            accounts.find(email).ifPresent(account -> context.put(Sessions.ACCOUNT, account));
            context.put(Sessions.TOKEN, token);
            return new Caller(email, context);
        } catch (UnauthenticatedException e) {
            context.put(Sessions.AUTH_PROBLEM, e.getMessage());
            return new Caller(null, context);
        }
    }

    @SuppressWarnings("unchecked")
    private ResponseEntity<Object> shape(Map<String, Object> result) {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) result.get("errors");
        if (errors == null || errors.isEmpty()) {
            return ResponseEntity.ok(result);
        }
        Map<String, Object> shaped = new LinkedHashMap<>(result);
        List<Map<String, Object>> withCodes = new ArrayList<>();
        for (Map<String, Object> error : errors) {
            Map<String, Object> copy = new LinkedHashMap<>(error);
            Map<String, Object> extensions = new LinkedHashMap<>(
                    (Map<String, Object>) copy.getOrDefault("extensions", Map.of()));
            extensions.putIfAbsent("code", defaultCode(extensions.get("classification")));
            copy.put("extensions", extensions);
            withCodes.add(copy);
            if ("TOO_MANY_REQUESTS".equals(extensions.get("code"))) {
                return tooManyRequests(((Number) extensions.get("retrySecs")).intValue(), (String) error.get("message"));
            }
            if (ERRORS_WITHOUT_DATA.contains(extensions.get("code"))) {
                shaped.remove("data");
            }
        }
        shaped.put("errors", withCodes);
        return ResponseEntity.ok(shaped);
    }

    private static String defaultCode(Object classification) {
        return "ValidationError".equals(classification) || "InvalidSyntax".equals(classification)
                ? "GRAPHQL_VALIDATION_FAILED"
                : "INTERNAL_SERVER_ERROR";
    }

    private Optional<ResponseEntity<Object>> inject(Faults.Fault fault) throws InterruptedException {
        return switch (fault.kind()) {
            case SLOW -> {
                Thread.sleep(fault.delayMs() == null ? 5_000 : fault.delayMs());
                yield Optional.empty();
            }
            case RATE_LIMIT -> Optional.of(tooManyRequests(
                    fault.retryAfterSeconds() == null ? 1 : fault.retryAfterSeconds(), "Retry after a while"));
            case LOST_ANSWER -> Optional.empty();
            case STATUS -> {
                int status = fault.status() == null ? 503 : fault.status();
                yield Optional.of(ResponseEntity.status(status)
                        .body(Map.of("message", "Injected fault: HTTP " + status)));
            }
        };
    }

    private static ResponseEntity<Object> tooManyRequests(int retrySecs, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("code", "TOO_MANY_REQUESTS");
        body.put("message", message);
        body.put("retrySecs", retrySecs);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", String.valueOf(retrySecs))
                .body(body);
    }

    private static ResponseEntity<Object> badRequest(String message) {
        return ResponseEntity.badRequest().body(Map.of("errors",
                List.of(Map.of("message", message, "extensions", Map.of("code", "BAD_REQUEST")))));
    }
}
