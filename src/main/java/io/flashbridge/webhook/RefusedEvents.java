package io.flashbridge.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts and logs every webhook the bridge refuses or does not apply as sent
 * ({@code flashbridge_webhooks_refused_total{reason}}), so a forged or broken sender shows on a dashboard.
 */
@Component
public class RefusedEvents {

    private static final Logger log = LoggerFactory.getLogger(RefusedEvents.class);

    private final MeterRegistry meters;

    RefusedEvents(MeterRegistry meters) {
        this.meters = meters;
    }

    /** {@code reason} is a short, fixed tag (e.g. {@code bad-signature}); {@code detail} is logged, never a secret. */
    public void refused(String reason, String detail) {
        meters.counter("flashbridge.webhooks.refused", "reason", reason).increment();
        log.warn("Webhook refused ({}): {}", reason, detail);
    }
}
