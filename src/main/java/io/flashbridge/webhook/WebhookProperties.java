package io.flashbridge.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Webhook settings ({@code flashbridge.webhook.*}); the secrets come from the environment only and are never logged.
 *
 * @param secret the regular endpoint's secret from FlashConnect ({@code FLASH_WEBHOOK_SECRET})
 * @param callbackSecret the bridge's own key for ad hoc {@code ?signature=} tokens ({@code FLASH_CALLBACK_SECRET})
 * @param callbackBaseUrl public base URL of this bridge; when set, withdrawals carry a {@code callbackUri}
 * @param maxBody largest body accepted; a longer one is answered 413 before any signature work
 * @param futureTolerance how far ahead of the bridge's clock an {@code eventScheduledAt} may be and still
 *     order events; a later one is ordered by the time the bridge received it instead
 */
@ConfigurationProperties("flashbridge.webhook")
public record WebhookProperties(String secret, String callbackSecret, String callbackBaseUrl,
                                @DefaultValue("64KB") DataSize maxBody, @DefaultValue("5m") Duration futureTolerance) {

    @Override
    public String toString() {
        return "WebhookProperties[secret=****, callbackSecret=****, callbackBaseUrl=" + callbackBaseUrl + ", maxBody=" + maxBody
                + ", futureTolerance=" + futureTolerance + "]";
    }
}
