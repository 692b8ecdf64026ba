package io.flashbridge.webhook;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The ad hoc callback scheme of flash-api.md 12.7: token = base64(HMAC-SHA256(callback secret,
 * externalId)), sent in {@code callbackUri} and recomputed from the body on receipt; nothing stored.
 */
@Component
public class CallbackTokens {

    private final WebhookProperties properties;

    CallbackTokens(WebhookProperties properties) {
        this.properties = properties;
    }

    /** The {@code callbackUri} for a payment, when callbacks are configured. */
    public Optional<String> callbackUri(String externalId) {
        String base = properties.callbackBaseUrl();
        if (base == null || base.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(base.replaceAll("/+$", "") + "/webhooks/flash/callback?signature="
                + URLEncoder.encode(token(externalId), StandardCharsets.UTF_8));
    }

    public boolean valid(String externalId, String signature) {
        return externalId != null && Hmac.matches(token(externalId), signature);
    }

    private String token(String externalId) {
        return Hmac.base64(properties.callbackSecret(), externalId.getBytes(StandardCharsets.UTF_8));
    }
}
