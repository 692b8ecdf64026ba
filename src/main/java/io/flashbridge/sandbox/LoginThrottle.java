package io.flashbridge.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/** Flash's platform limit: at most one login per second per user; the next one gets HTTP 429. */
@Component
class LoginThrottle {

    private static final Duration WINDOW = Duration.ofSeconds(1);

    private final Map<String, Instant> lastLogin = new ConcurrentHashMap<>();
    private final SimulationClock clock;

    LoginThrottle(SimulationClock clock) {
        this.clock = clock;
    }

    void check(String email) {
        Instant now = clock.now();
        Instant previous = lastLogin.put(email.toLowerCase(), now);
        if (previous != null && Duration.between(previous, now).compareTo(WINDOW) < 0) {
            throw new TooManyRequestsException(1, "Retry after 1 sec: at most one login per second");
        }
    }
}
