package io.flashbridge.sandbox;

import graphql.GraphQLContext;

/** Keys the HTTP endpoint puts into the GraphQL context, and the check every protected operation makes. */
final class Sessions {

    static final String ACCOUNT = "sandbox.account";
    static final String TOKEN = "sandbox.token";
    static final String AUTH_PROBLEM = "sandbox.authProblem";

    private Sessions() {}

    static ClientAccount require(GraphQLContext context) {
        ClientAccount account = context.get(ACCOUNT);
        if (account == null) {
            String problem = context.get(AUTH_PROBLEM);
            throw new UnauthenticatedException(problem != null ? problem : "Missing authorization: Bearer token");
        }
        return account;
    }
}
