package io.flashbridge.routes;

/** What a route file may refer to: the running bridge's, or for offline checks the jar's. */
interface RouteEnvironment {

    /** Why the endpoint URI (scheme and options, placeholders left as they are) is refused, or null. */
    String endpointProblem(String uri);

    boolean hasBean(String name);

    boolean hasProperty(String key);
}
