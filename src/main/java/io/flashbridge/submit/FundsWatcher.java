package io.flashbridge.submit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.flashbridge.flash.FlashException;
import io.flashbridge.ledger.Instruction;
import io.flashbridge.ledger.InstructionStore;
import io.flashbridge.ledger.PayoutStatus;
import io.flashbridge.ledger.StatusChange;
import io.flashbridge.ops.FlashBalances;
import jakarta.jms.JMSException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Payouts Flash refused for insufficient funds wait ({@code AWAITING_FUNDS}) instead of failing.
 * On a schedule (routes/funds.camel.yaml) and after every cleared deposit, the cleared balance is
 * read and waiting payouts are sent again, first come first, as far as it covers them: a payout
 * that does not fit holds back the ones behind it, so none overtakes an earlier one. A payout
 * still waiting when the wait is over is refused for good ({@code API_REJECTED},
 * {@code INSUFFICIENT_FUNDS}).
 */
@Component("fundsWatcher")
public class FundsWatcher {

    private static final Logger log = LoggerFactory.getLogger(FundsWatcher.class);
    private static final int MAX_PER_RUN = 10_000;

    private final InstructionStore instructions;
    private final FlashBalances balances;
    private final SubmissionQueue queue;
    private final long defaultWaitMillis;
    private final Clock clock = Clock.systemUTC();

    FundsWatcher(InstructionStore instructions, FlashBalances balances, SubmissionQueue queue,
                 @Value("${flashbridge.funds.max-wait:86400000}") long defaultWaitMillis) {
        this.instructions = instructions;
        this.balances = balances;
        this.queue = queue;
        this.defaultWaitMillis = defaultWaitMillis;
    }

    @EventListener
    public void onFundsArrived(FundsArrived arrived) {
        try {
            release(defaultWaitMillis);
        } catch (Exception e) {
            log.warn("Payouts waiting for funds not checked after deposit {}: {}", arrived.depositId(), e.getMessage());
        }
    }

    /** Refuses payouts that waited longer than {@code maxWaitMillis}, sends again those the balance covers; answers how many were sent. */
    public synchronized int release(long maxWaitMillis) throws JMSException {
        List<Map.Entry<Instruction, Instant>> waiting = instructions.awaitingFunds(MAX_PER_RUN);
        if (waiting.isEmpty()) {
            return 0;
        }
        Instant giveUpBefore = clock.instant().minus(Duration.ofMillis(maxWaitMillis));
        List<Map.Entry<Instruction, Instant>> stillWaiting = new ArrayList<>();
        for (Map.Entry<Instruction, Instant> entry : waiting) {
            if (entry.getValue() != null && entry.getValue().isBefore(giveUpBefore)) {
                refuse(entry.getKey(), maxWaitMillis);
            } else {
                stillWaiting.add(entry);
            }
        }
        if (stillWaiting.isEmpty()) {
            return 0;
        }
        BigDecimal available;
        try {
            available = balances.refresh().getOrDefault("AUD", BigDecimal.ZERO);
        } catch (FlashException e) {
            log.warn("Balance not read, payouts waiting for funds stay waiting: {}", e.getMessage());
            return 0;
        }
        List<Long> release = new ArrayList<>();
        for (Map.Entry<Instruction, Instant> entry : stillWaiting) {
            Instruction payout = entry.getKey();
            if (payout.amount().compareTo(available) > 0) {
                break;
            }
            if (instructions.transition(payout.id(), new StatusChange(PayoutStatus.RECEIVED,
                    "funds available (" + available + " AUD cleared): sending again", "balances", null, null, null, null,
                    "funds available: sending again", null))) {
                available = available.subtract(payout.amount());
                release.add(payout.id());
            }
        }
        if (!release.isEmpty()) {
            log.info("{} payouts waiting for funds are sent again; {} still wait", release.size(), stillWaiting.size() - release.size());
        }
        return queue.enqueue(release);
    }

    private void refuse(Instruction payout, long maxWaitMillis) {
        String reason = "insufficient funds for " + Duration.ofMillis(maxWaitMillis) + "; not sent";
        if (instructions.transition(payout.id(), new StatusChange(PayoutStatus.API_REJECTED, reason, "balances", null, null, null,
                "INSUFFICIENT_FUNDS", reason, null))) {
            log.warn("Payout {} refused: {}", payout.paymentId(), reason);
        }
    }
}
