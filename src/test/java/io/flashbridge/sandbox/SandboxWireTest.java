package io.flashbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flashbridge.support.SandboxServer;
import org.junit.jupiter.api.Test;

/** The sandbox's HTTP surface as Flash documents it, checked with a plain HTTP client. */
class SandboxWireTest {

    private final SandboxServer sandbox = SandboxServer.shared();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void issuesJwtWithIatAndFourHourExpAtTheRootPath() throws Exception {
        JsonNode client = sandbox.admin("POST", "clients", Map.of());

        JsonNode login = body(login(client.path("email").asText(), client.path("password").asText(), null));

        JsonNode reply = login.path("data").path("login");
        assertThat(reply.path("success").asBoolean()).isTrue();
        assertThat(reply.path("code").asText()).isEqualTo("SUCCESS");
        String[] jwt = reply.path("token").asText().split("\\.");
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(4 * 3600);
    }

    @Test
    void answersASecondLoginWithinOneSecondWith429AndRetryAfter() throws Exception {
        JsonNode client = sandbox.admin("POST", "clients", Map.of());
        login(client.path("email").asText(), client.path("password").asText(), null);

        HttpResponse<String> second = login(client.path("email").asText(), client.path("password").asText(), null);

        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).contains("1");
        assertThat(body(second).path("code").asText()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(body(second).path("retrySecs").asInt()).isEqualTo(1);
    }

    @Test
    void answersLoginFailuresWithDocumentedCodes() throws Exception {
        JsonNode twoAffiliations = sandbox.admin("POST", "clients", Map.of("affiliations", List.of("FP_AUS", "FP_LUX")));
        JsonNode oneAffiliation = sandbox.admin("POST", "clients", Map.of());

        assertThat(loginCode(twoAffiliations, null)).isEqualTo("NEED_AFFILIATION");
        assertThat(loginCode(oneAffiliation, "FP_LUX")).isEqualTo("UNREGISTERED");
        JsonNode wrong = body(login("nobody@example.com", "x", null)).path("data").path("login");
        assertThat(wrong.path("code").asText()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(wrong.path("token").isNull()).isTrue();
    }

    @Test
    void refusesCallsWithoutTokenAsUnauthenticatedWithoutData() throws Exception {
        HttpResponse<String> response = sandbox.post("{\"query\":\"{ balances { currency } }\"}", null);

        JsonNode answer = body(response);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(answer.has("data")).isFalse();
        assertThat(answer.path("errors").get(0).path("extensions").path("code").asText()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void reportsBadUserInputWithoutDataAndNamesTheField() throws Exception {
        String token = token();
        String mutation = "{\"query\":\"mutation ($input: CreateWithdrawalInput!) { createWithdrawal(input: $input) { success } }\","
                + "\"variables\":{\"input\":{\"amount\":-5,\"currency\":\"AUD\",\"recipient\":{\"firstName\":\"A\",\"lastName\":\"B\","
                + "\"accountIdType\":\"BSB\",\"bsb\":\"062000\",\"accountNo\":\"1234\"}}}}";

        JsonNode answer = body(sandbox.post(mutation, token));

        assertThat(answer.has("data")).isFalse();
        JsonNode error = answer.path("errors").get(0);
        assertThat(error.path("extensions").path("code").asText()).isEqualTo("BAD_USER_INPUT");
        assertThat(error.path("message").asText()).contains("input.amount");
    }

    @Test
    void reportsUnknownFieldsAsGraphQlValidationErrors() throws Exception {
        JsonNode answer = body(sandbox.post("{\"query\":\"{ balances { currency colour } }\"}", token()));

        assertThat(answer.path("errors").get(0).path("extensions").path("code").asText()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
    }

    @Test
    void answersMalformedJsonWith400() {
        assertThat(sandbox.post("{not json", null).statusCode()).isEqualTo(400);
    }

    @Test
    void acceptsTheDocumentedInputCoercions() throws Exception {
        String query = "{\"query\":\"query ($input: WithdrawalQueryInput) { withdrawals(input: $input) { id } }\","
                + "\"variables\":{\"input\":{\"statuses\":\"CONFIRMED\",\"maxCreatedAt\":\"2020-01-29\"}}}";

        JsonNode answer = body(sandbox.post(query, token()));

        assertThat(answer.has("errors")).isFalse();
        assertThat(answer.path("data").path("withdrawals").isArray()).isTrue();
    }

    @Test
    void updatesARecipientInPlaceButRefusesToChangeItsAccountType() throws Exception {
        String token = token();
        String create = "{\"query\":\"mutation ($input: RecipientInput!) { createRecipient(input: $input) { recipient { id } } }\","
                + "\"variables\":{\"input\":{\"firstName\":\"Hans\",\"lastName\":\"Muller\",\"accountIdType\":\"IBAN\","
                + "\"iban\":\"DE89370400440532013000\",\"currency\":\"EUR\",\"externalId\":\"R-1\"}}}";
        String id = body(sandbox.post(create, token)).path("data").path("createRecipient").path("recipient").path("id").asText();

        JsonNode updated = body(sandbox.post(update(id, "\"accountIdType\":\"IBAN\",\"iban\":\"FR1420041010050500013M02606\""), token));
        JsonNode refused = body(sandbox.post(update(id, "\"accountIdType\":\"ACC_NO\",\"accountNo\":\"123456\",\"bic\":\"DEUTDEFF\""),
                token));

        assertThat(updated.path("data").path("updateRecipient").path("recipient").path("id").asText()).isEqualTo(id);
        assertThat(updated.path("data").path("updateRecipient").path("recipient").path("iban").asText())
                .isEqualTo("FR1420041010050500013M02606");
        assertThat(refused.path("errors").get(0).path("message").asText()).contains("cannot be changed");
        JsonNode held = body(sandbox.post("{\"query\":\"{ recipients(input: {externalId: \\\"R-1\\\"}) { id iban } }\"}", token));
        assertThat(held.path("data").path("recipients")).hasSize(1);
    }

    private String update(String id, String account) {
        return "{\"query\":\"mutation ($id: ID, $input: RecipientInput!) { updateRecipient(id: $id, input: $input) "
                + "{ success recipient { id iban } } }\",\"variables\":{\"id\":\"" + id + "\",\"input\":{\"firstName\":\"Hans\","
                + "\"lastName\":\"Muller\",\"currency\":\"EUR\",\"externalId\":\"R-1\"," + account + "}}}";
    }

    private String token() throws Exception {
        JsonNode client = sandbox.admin("POST", "clients", Map.of());
        return body(login(client.path("email").asText(), client.path("password").asText(), null))
                .path("data").path("login").path("token").asText();
    }

    private String loginCode(JsonNode client, String affiliation) throws Exception {
        return body(login(client.path("email").asText(), client.path("password").asText(), affiliation))
                .path("data").path("login").path("code").asText();
    }

    private HttpResponse<String> login(String email, String password, String affiliation) throws Exception {
        Map<String, Object> input = new java.util.HashMap<>(Map.of("email", email, "password", password));
        if (affiliation != null) {
            input.put("affiliation", affiliation);
        }
        String request = json.writeValueAsString(Map.of(
                "query", "mutation ($input: LoginInput!) { login(input: $input) { success code message token } }",
                "variables", Map.of("input", input)));
        return sandbox.post(request, null);
    }

    private JsonNode body(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body().getBytes(StandardCharsets.UTF_8));
    }
}
