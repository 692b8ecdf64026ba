package io.flashbridge.submit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

import io.flashbridge.flash.FlashException;
import io.flashbridge.ledger.Instruction;
import io.flashbridge.ledger.InstructionStore;
import io.flashbridge.ledger.PayoutStatus;
import io.flashbridge.ledger.StatusChange;
import io.flashbridge.ops.FlashBalances;
import jakarta.jms.JMSException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flashbridge.instruction.FxPayment;
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
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    FundsWatcher(InstructionStore instructions, FlashBalances balances, SubmissionQueue queue, ObjectMapper json,
                 @Value("${flashbridge.funds.max-wait:86400000}") long defaultWaitMillis) {
        this.json = json;
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
        Map<String, BigDecimal> available;
        try {
            available = new HashMap<>(balances.refresh());
        } catch (FlashException e) {
            log.warn("Balance not read, payouts waiting for funds stay waiting: {}", e.getMessage());
            return 0;
        }
        List<Long> release = new ArrayList<>();
        // First come first served per balance currency: once one does not fit, the later ones in that currency wait too.
        Set<String> blocked = new HashSet<>();
        for (Map.Entry<Instruction, Instant> entry : stillWaiting) {
            Instruction waitingOne = entry.getKey();
            Need need = need(waitingOne);
            BigDecimal balance = available.getOrDefault(need.currency(), BigDecimal.ZERO);
            boolean covered = need.amount() == null ? balance.signum() > 0 : need.amount().compareTo(balance) <= 0;
            if (blocked.contains(need.currency()) || !covered) {
                blocked.add(need.currency());
                continue;
            }
            if (instructions.transition(waitingOne.id(), new StatusChange(PayoutStatus.RECEIVED,
                    "funds available (" + balance + " " + need.currency() + " cleared): sending again", "balances", null, null,
                    null, null, "funds available: sending again", null))) {
                if (need.amount() != null) {
                    available.put(need.currency(), balance.subtract(need.amount()));
                }
                release.add(waitingOne.id());
            }
        }
        if (!release.isEmpty()) {
            log.info("{} payouts waiting for funds are sent again; {} still wait", release.size(), stillWaiting.size() - release.size());
        }
        return queue.enqueue(release);
    }

    /**
     * What must be on which balance: a payout its AUD amount; an FX payment its amount in the currency
     * it is paid from. An FX payment given in the currency it delivers needs an unknown amount (the
     * rate decides): it is sent again as soon as that balance holds anything, and Flash decides.
     */
    private record Need(String currency, BigDecimal amount) {}

    private Need need(Instruction instruction) {
        if (!instruction.isFxPayment()) {
            return new Need(instruction.currency(), instruction.amount());
        }
        try {
            FxPayment payment = json.readValue(instruction.payload(), FxPayment.class);
            return new Need(payment.fromCurrency(), payment.amountCurrency().equals(payment.fromCurrency()) ? payment.amount() : null);
        } catch (java.io.IOException unreadable) {
            throw new IllegalStateException("instruction " + instruction.id() + " has an unreadable payload", unreadable);
        }
    }

    private void refuse(Instruction payout, long maxWaitMillis) {
        String reason = "insufficient funds for " + Duration.ofMillis(maxWaitMillis) + "; not sent";
        if (instructions.transition(payout.id(), new StatusChange(PayoutStatus.API_REJECTED, reason, "balances", null, null, null,
                "INSUFFICIENT_FUNDS", reason, null))) {
            log.warn("Payout {} refused: {}", payout.paymentId(), reason);
        }
    }
}
