package io.flashbridge.ledger;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Ledger counts as gauges, re-read every {@code flashbridge.metrics.ledger-period} (one grouped
 * query, not one per scrape): {@code flashbridge.instructions} by source, kind and status;
 * {@code flashbridge.instructions.parked}, {@code .awaiting.funds}, and {@code .waiting} (received
 * or being sent: the depth of the internal payout queue as the ledger sees it).
 */
@Component
class LedgerMetrics {

    private static final Logger log = LoggerFactory.getLogger(LedgerMetrics.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final long periodMillis;
    private final MultiGauge byStatus;
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong awaitingFunds = new AtomicLong();
    private final AtomicLong waiting = new AtomicLong();
    private ScheduledExecutorService refresher;

    LedgerMetrics(NamedParameterJdbcTemplate jdbc, MeterRegistry meters,
                  @Value("${flashbridge.metrics.ledger-period:10000}") long periodMillis) {
        this.jdbc = jdbc;
        this.periodMillis = periodMillis;
        this.byStatus = MultiGauge.builder("flashbridge.instructions").description("Instructions in the ledger").register(meters);
        Gauge.builder("flashbridge.instructions.parked", parked, AtomicLong::get)
                .description("Instructions whose retries are exhausted, waiting for ops").register(meters);
        Gauge.builder("flashbridge.instructions.awaiting.funds", awaitingFunds, AtomicLong::get)
                .description("Instructions Flash refused for insufficient funds, waiting for money").register(meters);
        Gauge.builder("flashbridge.instructions.waiting", waiting, AtomicLong::get)
                .description("Instructions received and not yet sent to Flash (payout queue depth)").register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        refresh();
        refresher = Periodic.every(periodMillis, "ledger-metrics", this::refresh);
    }

    @PreDestroy
    void stop() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    void refresh() {
        try {
            Map<String, Long> statuses = new ConcurrentHashMap<>();
            List<MultiGauge.Row<?>> rows = jdbc.query("select source, kind, status, count(*) n from instruction "
                    + "group by source, kind, status", Map.of(), (rs, n) -> {
                        statuses.merge(rs.getString("status"), rs.getLong("n"), Long::sum);
                        return MultiGauge.Row.of(Tags.of("source", rs.getString("source"), "kind", rs.getString("kind"),
                                "status", rs.getString("status")), rs.getLong("n"));
                    });
            byStatus.register(rows, true);
            parked.set(statuses.getOrDefault("PARKED", 0L));
            awaitingFunds.set(statuses.getOrDefault("AWAITING_FUNDS", 0L));
            waiting.set(statuses.getOrDefault("RECEIVED", 0L) + statuses.getOrDefault("SUBMITTING", 0L));
        } catch (RuntimeException e) {
            log.warn("Ledger metrics not refreshed: {}", e.getMessage());
        }
    }
}
