package io.flashbridge.sandbox;

import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** {@code login} and {@code logout} (flash-api.md 3, gaps 5 and 6). */
@Controller
class AuthGraphQl {

    private final Accounts accounts;
    private final TokenIssuer tokens;
    private final LoginThrottle throttle;

    AuthGraphQl(Accounts accounts, TokenIssuer tokens, LoginThrottle throttle) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    @MutationMapping
    Map<String, Object> login(@Argument Map<String, Object> input) {
        String email = (String) input.get("email");
        throttle.check(email);
        ClientAccount account = accounts.find(email).orElse(null);
        if (account == null || !account.user.password().equals(input.get("password"))) {
            return loginFailed("INVALID_CREDENTIALS", "Invalid email or password");
        }
        List<String> affiliations = account.user.affiliations();
        Object affiliation = input.get("affiliation");
        if (affiliation == null && affiliations.size() > 1) {
            return loginFailed("NEED_AFFILIATION", "User has several affiliations; specify one of " + affiliations);
        }
        if (affiliation != null && !affiliations.contains(affiliation.toString())) {
            return loginFailed("UNREGISTERED", "No account for affiliation " + affiliation);
        }
        Map<String, Object> reply = Reply.ok("SUCCESS", "OK", null, null);
        reply.put("token", tokens.issue(account.email()));
        return reply;
    }

    @MutationMapping
    Map<String, Object> logout(GraphQLContext context) {
        Sessions.require(context);
        tokens.revoke(context.get(Sessions.TOKEN));
        return Reply.ok("SUCCESS", "Logged out", null, null);
    }

    private static Map<String, Object> loginFailed(String code, String message) {
        Map<String, Object> reply = Reply.failed(code, message);
        reply.put("token", null);
        return reply;
    }
}
