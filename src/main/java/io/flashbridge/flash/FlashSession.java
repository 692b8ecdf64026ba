package io.flashbridge.flash;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The bridge's Flash login: logs in lazily, reuses the token until its {@code exp} minus a
 * margin, never logs in twice within a second (Flash's limit), and logs out when the
 * application stops. The token and password are never logged.
 */
@Component
public class FlashSession {

    private static final Logger log = LoggerFactory.getLogger(FlashSession.class);
    private static final Duration LOGIN_SPACING = Duration.ofMillis(1_050);
    private static final Duration FALLBACK_LIFETIME = Duration.ofHours(1);

    private final FlashTransport transport;
    private final FlashProperties properties;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private String token;
    private Instant refreshAt = Instant.MIN;
    private Instant lastLoginAttempt = Instant.EPOCH;
    private int logins;
    private Instant tokenIssuedAt;

    @Autowired
    FlashSession(FlashTransport transport, FlashProperties properties) {
        this(transport, properties, Clock.systemUTC());
    }

    FlashSession(FlashTransport transport, FlashProperties properties, Clock clock) {
        this.transport = transport;
        this.properties = properties;
        this.clock = clock;
    }

    /** A token valid for at least the refresh margin; logs in when there is none. */
    public synchronized String bearerToken() {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            login();
        }
        return token;
    }

    /** Forgets {@code rejected} if it is still the current token, so the next call logs in again. */
    public synchronized void invalidate(String rejected) {
        if (Objects.equals(token, rejected)) {
            token = null;
        }
    }

    /** When the token in use was obtained; empty while there is none (the console shows its age). */
    public synchronized java.util.Optional<Instant> tokenIssuedAt() {
        return token == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(tokenIssuedAt);
    }

    /** How many logins this session has made (for metrics and tests). */
    public synchronized int logins() {
        return logins;
    }

    @EventListener(ContextClosedEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public synchronized void logout() {
        if (token == null) {
            return;
        }
        try {
            transport.sendAnonymously(FlashOperation.LOGOUT, Map.of(), token);
            log.info("Logged out of Flash");
        } catch (RuntimeException e) {
            log.warn("Flash logout failed: {}", e.getMessage());
        } finally {
            token = null;
        }
    }

    private void login() {
        waitForLoginSlot();
        lastLoginAttempt = clock.instant();
        Map<String, Object> credentials = new LinkedHashMap<>();
        credentials.put("email", properties.email());
        credentials.put("password", properties.password());
        if (properties.affiliation() != null && !properties.affiliation().isBlank()) {
            credentials.put("affiliation", properties.affiliation());
        }
        JsonNode reply;
        try {
            reply = transport.sendAnonymously(FlashOperation.LOGIN, Map.of("input", credentials), null);
        } catch (FlashRejectedException refused) {
            throw new FlashAuthenticationException(FlashOperation.LOGIN, refused.code(),
                    "Flash refused the login of " + properties.email() + ": " + refused.reason());
        }
        String fresh = reply.path("token").asText(null);
        if (fresh == null) {
            throw new FlashAuthenticationException(FlashOperation.LOGIN, null, "Flash answered the login without a token");
        }
        token = fresh;
        tokenIssuedAt = clock.instant();
        logins++;
        Instant expiry = expiry(fresh);
        refreshAt = expiry.minus(properties.tokenRefreshMargin());
        log.info("Logged in to Flash at {} as {}; token expires {}", properties.apiUrl(), properties.email(), expiry);
    }

    private void waitForLoginSlot() {
        Duration sinceLast = Duration.between(lastLoginAttempt, clock.instant());
        if (sinceLast.compareTo(LOGIN_SPACING) < 0) {
            try {
                Thread.sleep(LOGIN_SPACING.minus(sinceLast).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FlashUnavailableException(FlashOperation.LOGIN, "interrupted while waiting to log in", null, null, e);
            }
        }
    }

    /** Reads {@code exp} from the JWT payload, as Flash advises, instead of assuming 4 hours. */
    private Instant expiry(String jwt) {
        try {
            String payload = jwt.split("\\.")[1];
            JsonNode claims = json.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
            if (claims.path("exp").canConvertToLong()) {
                return Instant.ofEpochSecond(claims.path("exp").asLong());
            }
        } catch (Exception e) {
            log.warn("Flash token is not a readable JWT; refreshing it after {}", FALLBACK_LIFETIME);
        }
        return clock.instant().plus(FALLBACK_LIFETIME);
    }
}
