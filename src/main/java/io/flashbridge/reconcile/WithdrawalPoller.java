package io.flashbridge.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flashbridge.flash.FlashClient;
import io.flashbridge.flash.FlashException;
import io.flashbridge.flash.FlashFields;
import io.flashbridge.flash.FlashGraphQlErrorException;
import io.flashbridge.flash.FlashOperation;
import io.flashbridge.flash.PaymentLegs;
import io.flashbridge.ledger.Instruction;
import io.flashbridge.ledger.InstructionStore;
import io.flashbridge.ledger.PayoutStatus;
import io.flashbridge.ledger.StatusChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The safety net for webhooks Flash gave up delivering (4 attempts within about 11 minutes): payouts
 * and FX payments whose status has not moved for a while are read back with the {@code withdrawal}
 * or {@code payment} query, a few per run. What Flash reports is the truth: a ledger status that disagrees with it is repaired, whatever
 * event times the ledger holds (a webhook with a wrong time must not freeze a payout), as long as
 * the payout did not move while Flash was being asked.
 */
@Component("withdrawalPoller")
public class WithdrawalPoller {

    static final String EVENT = "withdrawal (poll)";
    static final String PAYMENT_EVENT = "payment (poll)";
    private static final Logger log = LoggerFactory.getLogger(WithdrawalPoller.class);
    private static final Set<PayoutStatus> OUTCOMES = EnumSet.of(PayoutStatus.CONFIRMED, PayoutStatus.FAILED,
            PayoutStatus.REFUNDED, PayoutStatus.CANCELLED);

    private final FlashClient flash;
    private final InstructionStore instructions;

    WithdrawalPoller(FlashClient flash, InstructionStore instructions) {
        this.flash = flash;
        this.instructions = instructions;
    }

    /** Reads back at most {@code limit} payouts unchanged for {@code quietForMillis}; answers how many moved. */
    public int poll(long quietForMillis, int limit) {
        List<Instruction> waiting = instructions.unfinishedAtFlash(Instant.now().minus(Duration.ofMillis(quietForMillis)), limit);
        int moved = 0;
        for (Instruction payout : waiting) {
            JsonNode withdrawal;
            try {
                withdrawal = payout.isFxPayment() ? flash.payment(payout.flashId()) : flash.withdrawal(payout.flashId());
            } catch (FlashGraphQlErrorException unknown) {
                log.warn("Flash does not answer for withdrawal {} of payout {}: {}", payout.flashId(), payout.paymentId(),
                        unknown.getMessage());
                instructions.markPolled(payout.id());
                continue;
            } catch (FlashException unavailable) {
                log.warn("Polling Flash stopped after {} of {} payouts: {}", moved, waiting.size(), unavailable.getMessage());
                break;
            }
            instructions.markPolled(payout.id());
            if (apply(payout, withdrawal)) {
                moved++;
            }
        }
        if (moved > 0) {
            log.info("Polling Flash moved {} of {} payouts whose webhooks did not come", moved, waiting.size());
        }
        return moved;
    }

    /**
     * Bank returns whose webhooks never came. {@code CONFIRMED} is final for the status file, but the
     * recipient's bank can still send the money back, days later ({@code CONFIRMED → FAILED →
     * REFUNDED}); the poll above never asks about confirmed payouts again. One {@code withdrawals}
     * query per run lists what Flash holds as {@code FAILED} or {@code REFUNDED}, created in the last
     * {@code windowDays}; each the ledger still has as {@code CONFIRMED} moves on (and its batch gets a
     * correction file). Answers how many moved.
     */
    public int pollReturns(int windowDays) {
        JsonNode returned;
        try {
            returned = flash.call(FlashOperation.WITHDRAWALS, Map.of("statuses", List.of("FAILED", "REFUNDED"),
                    "minCreatedAt", Instant.now().minus(Duration.ofDays(windowDays)).toString()));
        } catch (FlashException unavailable) {
            log.warn("Looking for bank returns at Flash failed: {}; asked again next run", unavailable.getMessage());
            return 0;
        }
        Map<String, JsonNode> byFlashId = new HashMap<>();
        returned.forEach(withdrawal -> byFlashId.put(withdrawal.path("id").asText(), withdrawal));
        int moved = 0;
        for (Instruction payout : instructions.confirmedWithdrawals(byFlashId.keySet())) {
            if (returned(payout, byFlashId.get(payout.flashId()))) {
                moved++;
            }
        }
        if (moved > 0) {
            log.info("Polling Flash found {} bank returns of confirmed payouts whose webhooks did not come", moved);
        }
        return moved;
    }

    /** A refund is recorded as the return it follows and then the refund, so the audit trail has every step. */
    private boolean returned(Instruction payout, JsonNode withdrawal) {
        if ("REFUNDED".equals(withdrawal.path("status").asText())) {
            ObjectNode failed = withdrawal.deepCopy();
            failed.put("status", "FAILED");
            if (!apply(payout, failed)) {
                return false;
            }
            apply(instructions.find(payout.id()).orElseThrow(), withdrawal);
            return true;
        }
        return apply(payout, withdrawal);
    }

    private boolean apply(Instruction payout, JsonNode withdrawal) {
        PayoutStatus status = payout.isFxPayment()
                ? PayoutStatus.ofPaymentStatus(withdrawal.path("status").asText())
                : status(withdrawal.path("status").asText());
        if (status == null || status == payout.status()) {
            return false;
        }
        if (payout.isFxPayment()) {
            instructions.recordLegs(payout.id(), PaymentLegs.of(withdrawal));
        }
        String message = withdrawal.path("statusMessage").asText(null);
        String why = payout.status().canMoveTo(status)
                ? "read back from Flash, no webhook came"
                : "repaired: the ledger said " + payout.status() + ", Flash reports " + status;
        return instructions.repair(payout.id(), payout.status(), new StatusChange(status,
                why + (message == null ? "" : ": " + message), payout.isFxPayment() ? PAYMENT_EVENT : EVENT, null,
                OUTCOMES.contains(status) && !payout.isFxPayment() ? outcomeTime(status, withdrawal) : null, null,
                withdrawal.path("rejectCode").asText(null), message, FlashFields.money(withdrawal, "totalFee")));
    }

    /** When Flash says the outcome happened; null when it does not say (the lifecycle alone decides then). */
    private static Instant outcomeTime(PayoutStatus status, JsonNode withdrawal) {
        return FlashFields.time(withdrawal, switch (status) {
            case CONFIRMED -> "clearedAt";
            case REFUNDED -> "refundedAt";
            default -> "rejectedAt";
        });
    }

    private static PayoutStatus status(String flashStatus) {
        try {
            return PayoutStatus.valueOf(flashStatus);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
