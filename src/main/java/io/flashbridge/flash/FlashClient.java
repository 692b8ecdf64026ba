package io.flashbridge.flash;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

/**
 * The bridge's one way to call Flash. Variables go only through the top-level {@code $input}
 * (and {@code $id} for {@code refundDeposit}), as Flash advises. An authentication failure
 * triggers one fresh login and one resend; every other failure is thrown as a
 * {@link FlashException} for the caller's retry policy.
 */
@Component
public class FlashClient {

    private final FlashTransport transport;
    private final FlashSession session;

    FlashClient(FlashTransport transport, FlashSession session) {
        this.transport = transport;
        this.session = session;
    }

    /** Sends {@code operation} with {@code variables.input = input} and answers its root field. */
    public JsonNode call(FlashOperation operation, Object input) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("input", input);
        return execute(operation, variables);
    }

    public JsonNode execute(FlashOperation operation, Map<String, Object> variables) {
        String token = session.bearerToken();
        try {
            return transport.send(operation, variables);
        } catch (FlashAuthenticationException expiredOrRevoked) {
            session.invalidate(token);
            return transport.send(operation, variables);
        }
    }

    /** When Flash last answered a call; empty before the first. */
    public java.util.Optional<java.time.Instant> lastSuccessfulCall() {
        return transport.lastSuccess();
    }

    /** When the session's token was obtained; empty while there is none. */
    public java.util.Optional<java.time.Instant> tokenIssuedAt() {
        return session.tokenIssuedAt();
    }

    public JsonNode createWithdrawal(Map<String, Object> input) {
        return call(FlashOperation.CREATE_WITHDRAWAL, input).path("withdrawal");
    }

    public JsonNode withdrawal(String id) {
        return call(FlashOperation.WITHDRAWAL, id);
    }

    public JsonNode createPayment(Map<String, Object> input) {
        return call(FlashOperation.CREATE_PAYMENT, input).path("payment");
    }

    public JsonNode payment(String id) {
        return call(FlashOperation.PAYMENT, id);
    }

    /** Sends an update of the entity {@code id} ({@code updateSender}, {@code updateRecipient}) and answers its root field. */
    public JsonNode update(FlashOperation operation, String id, Map<String, Object> input) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", id);
        variables.put("input", input);
        return execute(operation, variables);
    }

    public JsonNode balances(List<String> currencies) {
        return call(FlashOperation.BALANCES, currencies);
    }

    public JsonNode refundDeposit(String id, Map<String, Object> input) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", id);
        variables.put("input", input == null ? Map.of() : input);
        return execute(FlashOperation.REFUND_DEPOSIT, variables);
    }
}
