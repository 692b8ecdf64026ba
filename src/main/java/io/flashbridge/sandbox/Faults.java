package io.flashbridge.sandbox;

import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.stereotype.Component;

/**
 * Faults injected through the admin API for reliability tests: the next {@code count} GraphQL
 * requests (optionally only those whose document mentions {@code operation}) get an HTTP error,
 * a slow answer, or a 429 burst.
 */
@Component
class Faults {

    /** LOST_ANSWER: the request is carried out, then answered with HTTP 504 (the answer never reached the client). */
    enum Kind { STATUS, SLOW, RATE_LIMIT, LOST_ANSWER }

    /** One injected fault; {@code status}, {@code delayMs} and {@code retryAfterSeconds} apply per kind. */
    /**
     * {@code probability}: when given (0 to 1), the fault hits each matching request with that chance
     * and lasts until cleared ({@code count} is then ignored). {@code client}: only that client's
     * requests (by the e-mail of the bearer token); any request when absent.
     */
    record Fault(Kind kind, int count, Integer status, Long delayMs, Integer retryAfterSeconds, String operation,
                 Double probability, String client) {}

    private static final class Active {
        final Fault fault;
        int remaining;

        Active(Fault fault) {
            this.fault = fault;
            this.remaining = Math.max(1, fault.count());
        }
    }

    private final ConcurrentLinkedQueue<Active> active = new ConcurrentLinkedQueue<>();

    void inject(Fault fault) {
        active.add(new Active(fault));
    }

    void clear() {
        active.clear();
    }

    /** Takes one use of the first fault that applies to this request document. */
    synchronized Optional<Fault> next(String document, String client) {
        Iterator<Active> iterator = active.iterator();
        while (iterator.hasNext()) {
            Active candidate = iterator.next();
            String operation = candidate.fault.operation();
            if (candidate.fault.client() != null && !candidate.fault.client().equals(client)) {
                continue;
            }
            if (operation == null || operation.isBlank() || (document != null && document.contains(operation))) {
                if (candidate.fault.probability() != null) {
                    if (java.util.concurrent.ThreadLocalRandom.current().nextDouble() < candidate.fault.probability()) {
                        return Optional.of(candidate.fault);
                    }
                    continue;
                }
                if (--candidate.remaining <= 0) {
                    iterator.remove();
                }
                return Optional.of(candidate.fault);
            }
        }
        return Optional.empty();
    }
}
