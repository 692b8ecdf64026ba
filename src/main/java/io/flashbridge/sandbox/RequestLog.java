package io.flashbridge.sandbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * The sandbox's own record of every GraphQL request it received (the last {@value #KEEP}): when it
 * arrived (wall clock), for which client, which operation, and the HTTP status and Retry-After it
 * was answered with. Tests check a client's behaviour against it (e.g. no call before a
 * Retry-After expired) instead of trusting the client's own account.
 */
@Component
class RequestLog {

    static final int KEEP = 50_000;
    private static final Pattern OPERATION = Pattern.compile("(?:mutation|query)\\s*(\\w*)[^{]*\\{\\s*(\\w+)");

    record Request(Instant arrivedAt, Instant answeredAt, String client, String operation, int status, Integer retryAfterSeconds) {}

    private final Deque<Request> requests = new ArrayDeque<>();

    synchronized void record(Request request) {
        requests.addLast(request);
        if (requests.size() > KEEP) {
            requests.removeFirst();
        }
    }

    synchronized List<Request> of(String client) {
        return requests.stream().filter(request -> client == null || Objects.equals(client, request.client())).toList();
    }

    /** The root field a GraphQL document asks for first, e.g. {@code createWithdrawal}. */
    static String operation(String document) {
        Matcher matcher = OPERATION.matcher(document == null ? "" : document);
        if (matcher.find()) {
            return matcher.group(2);
        }
        Matcher shorthand = Pattern.compile("\\{\\s*(\\w+)").matcher(document == null ? "" : document);
        return shorthand.find() ? shorthand.group(1) : null;
    }
}
