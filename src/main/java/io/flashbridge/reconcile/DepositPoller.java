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
 * before the newest one the ledger knows (two days back on an empty ledger) — or since the oldest
 * one still moving (held in review, being refunded), at most {@value #LOOKBACK_DAYS} days back — one
 * {@code deposits} query per run, and records any deposit or status the ledger does not have yet,
 * through the same forward-only rule as webhooks. A rate limit or an outage ends the run.
 */
@Component("depositPoller")
public class DepositPoller {

    static final String EVENT = "deposits (poll)";
    private static final Logger log = LoggerFactory.getLogger(DepositPoller.class);
    private static final Duration OVERLAP = Duration.ofDays(1);
    /** A deposit held in review is looked for this long; after that only its webhooks can move it. */
    static final int LOOKBACK_DAYS = 30;

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
        Instant since = since(Instant.now());
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

    /** A review or a refund can end days after the deposit came, while newer deposits keep arriving. */
    private Instant since(Instant now) {
        Instant sinceNewest = deposits.newestCreatedAt().orElse(now.minus(OVERLAP)).minus(OVERLAP);
        // The ledger's creation time can be when it learnt of the deposit, after Flash's: the same day's overlap.
        Instant oldestMoving = deposits.oldestUnfinishedCreatedAt().map(at -> at.minus(OVERLAP)).orElse(sinceNewest);
        Instant lookback = now.minus(Duration.ofDays(LOOKBACK_DAYS));
        return earlier(sinceNewest, oldestMoving.isBefore(lookback) ? lookback : oldestMoving);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static DepositStatus parse(String status) {
        try {
            return DepositStatus.valueOf(status);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
