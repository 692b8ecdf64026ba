package io.flashbridge.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webhook secrets ({@code flashbridge.webhook.*}); from the environment only, never logged.
 *
 * @param secret the regular endpoint's secret from FlashConnect ({@code FLASH_WEBHOOK_SECRET})
 * @param callbackSecret the bridge's own key for ad hoc {@code ?signature=} tokens ({@code FLASH_CALLBACK_SECRET})
 * @param callbackBaseUrl public base URL of this bridge; when set, withdrawals carry a {@code callbackUri}
 */
@ConfigurationProperties("flashbridge.webhook")
public record WebhookProperties(String secret, String callbackSecret, String callbackBaseUrl) {

    @Override
    public String toString() {
        return "WebhookProperties[secret=****, callbackSecret=****, callbackBaseUrl=" + callbackBaseUrl + "]";
    }
}
