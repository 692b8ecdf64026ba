package io.flashbridge.flash;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the bridge reaches Flash ({@code flash.*}); credentials come from the environment
 * ({@code FLASH_EMAIL}, {@code FLASH_PASSWORD}) and are never logged.
 *
 * @param apiUrl the GraphQL endpoint (the sandbox by default, {@code FLASH_API_URL} in production)
 * @param email API user
 * @param password API user's password
 * @param affiliation {@code FP_AUS} or {@code FP_LUX}; only for users with several affiliations
 * @param userAgent sent on every call; Flash's firewall may block generic agents
 * @param connectTimeout TCP connect timeout
 * @param responseTimeout time to wait for an answer before the call counts as failed (transient)
 * @param tokenRefreshMargin log in again this long before the token's {@code exp}
 */
@ConfigurationProperties("flash")
public record FlashProperties(URI apiUrl, String email, String password, String affiliation, String userAgent,
                              Duration connectTimeout, Duration responseTimeout, Duration tokenRefreshMargin) {

    @Override
    public String toString() {
        return "FlashProperties[apiUrl=" + apiUrl + ", email=" + email + ", password=****]";
    }
}
