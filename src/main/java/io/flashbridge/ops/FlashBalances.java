package io.flashbridge.ops;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.flashbridge.flash.FlashClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the Flash balances (called by the {@code flash-balance-check} route) and exposes them as
 * the {@code flashbridge.flash.balance} gauge, so ops see a low balance before payouts fail.
 */
@Component("flashBalances")
public class FlashBalances {

    private static final Logger log = LoggerFactory.getLogger(FlashBalances.class);

    private final FlashClient flash;
    private final MeterRegistry meters;
    private final Map<String, BigDecimal> cleared = new ConcurrentHashMap<>();

    FlashBalances(FlashClient flash, MeterRegistry meters) {
        this.flash = flash;
        this.meters = meters;
    }

    /** The cleared balances as last read (the console shows them without calling Flash). */
    public Map<String, BigDecimal> lastKnown() {
        return Map.copyOf(cleared);
    }

    /** Refreshes the gauges; answers the cleared balance per currency. */
    public Map<String, BigDecimal> refresh() {
        JsonNode balances = flash.balances(List.of());
        for (JsonNode balance : balances) {
            String currency = balance.path("currency").asText();
            BigDecimal amount = balance.path("cleared").decimalValue();
            if (cleared.put(currency, amount) == null) {
                Gauge.builder("flashbridge.flash.balance", cleared, values -> values.get(currency).doubleValue())
                        .tag("currency", currency)
                        .description("Cleared Flash balance")
                        .register(meters);
            }
            log.debug("Flash {} balance {}", currency, amount);
        }
        return Map.copyOf(cleared);
    }
}
