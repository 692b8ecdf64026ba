package io.flashbridge.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.flashbridge.flash.FlashClient;
import io.flashbridge.flash.FlashException;
import io.flashbridge.flash.FlashOperation;
import io.flashbridge.ledger.DepositStatus;
import io.flashbridge.ledger.DepositStore;
import io.flashbridge.submit.FundsArrived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Safety net for deposit webhooks Flash gave up delivering: lists the deposits created since a day
 * before the newest one the ledger knows (two days back on an empty ledger), one {@code deposits}
 * query per run, and records any deposit or status the ledger does not have yet, through the same
 * forward-only rule as webhooks. A rate limit or an outage ends the run.
 */
@Component("depositPoller")
public class DepositPoller {

    static final String EVENT = "deposits (poll)";
    private static final Logger log = LoggerFactory.getLogger(DepositPoller.class);
    private static final Duration OVERLAP = Duration.ofDays(1);

    private final FlashClient flash;
    private final DepositStore deposits;
    private final ApplicationEventPublisher events;

    DepositPoller(FlashClient flash, DepositStore deposits, ApplicationEventPublisher events) {
        this.flash = flash;
        this.deposits = deposits;
        this.events = events;
    }

    /** Answers how many deposits changed in the ledger. */
    public int poll() {
        Instant since = deposits.newestCreatedAt().orElse(Instant.now().minus(OVERLAP)).minus(OVERLAP);
        JsonNode listed;
        try {
            listed = flash.call(FlashOperation.DEPOSITS, Map.of("minCreatedAt", since.toString()));
        } catch (FlashException e) {
            log.warn("Deposit listing failed, next run tries again: {}", e.getMessage());
            return 0;
        }
        int changed = 0;
        for (JsonNode deposit : listed) {
            DepositStatus status = parse(deposit.path("status").asText());
            if (status != null && deposit.hasNonNull("id") && deposit.hasNonNull("amount")
                    && deposits.apply(DepositFacts.of(deposit, status), null, EVENT, null, null)) {
                changed++;
                if (status == DepositStatus.CONFIRMED) {
                    events.publishEvent(new FundsArrived(deposit.path("id").asText()));
                }
            }
        }
        if (changed > 0) {
            log.info("Deposit listing found {} deposits or status changes the webhooks had not brought", changed);
        }
        return changed;
    }

    private static DepositStatus parse(String status) {
        try {
            return DepositStatus.valueOf(status);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
