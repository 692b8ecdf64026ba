package io.flashbridge.submit;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flashbridge.flash.FlashClient;
import io.flashbridge.flash.FlashException;
import io.flashbridge.flash.FlashGraphQlErrorException;
import io.flashbridge.flash.FlashRejectedException;
import io.flashbridge.flash.FlashUnavailableException;
import io.flashbridge.instruction.Payee;
import io.flashbridge.instruction.PaymentInstruction;
import io.flashbridge.ledger.Instruction;
import io.flashbridge.ledger.InstructionStore;
import io.flashbridge.ledger.PayoutStatus;
import io.flashbridge.ledger.StatusChange;
import io.flashbridge.webhook.CallbackTokens;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Sends one queued instruction to Flash with {@code createWithdrawal}. A rejection is final
 * ({@code API_REJECTED} with Flash's code and message); a transient failure is thrown back to the
 * route, whose YAML policy retries it (after Flash's {@code Retry-After} when given) and finally
 * calls {@link #park}.
 */
@Component("payoutSubmitter")
public class PayoutSubmitter {

    private static final Logger log = LoggerFactory.getLogger(PayoutSubmitter.class);
    static final String INSUFFICIENT_FUNDS = "INSUFFICIENT_FUNDS";

    private final FlashClient flash;
    private final InstructionStore instructions;
    private final CallbackTokens callbacks;
    private final ObjectMapper json;

    PayoutSubmitter(FlashClient flash, InstructionStore instructions, CallbackTokens callbacks, ObjectMapper json) {
        this.flash = flash;
        this.instructions = instructions;
        this.callbacks = callbacks;
        this.json = json;
    }

    public void submit(long instructionId, Exchange exchange) throws Exception {
        if (!instructions.claim(instructionId)) {
            log.debug("Instruction {} is no longer waiting to be sent; skipped", instructionId);
            return;
        }
        Instruction instruction = instructions.find(instructionId).orElseThrow();
        PaymentInstruction payout = json.readValue(instruction.payload(), PaymentInstruction.class);
        MDC.put("paymentId", payout.paymentId());
        try {
            Map<String, Object> input = WithdrawalInputs.of(payout, callbacks.callbackUri(payout.paymentId()).orElse(null));
            JsonNode withdrawal = flash.createWithdrawal(input);
            instructions.transition(instructionId, new StatusChange(PayoutStatus.valueOf(withdrawal.path("status").asText()),
                    "created at Flash", "createWithdrawal", null, null, withdrawal.path("id").asText(), null,
                    withdrawal.path("statusMessage").asText(null), withdrawal.path("totalFee").decimalValue()));
            log.info("Payout {} of {} {} to {} sent to Flash as {}", payout.paymentId(), payout.amount(), payout.currency(),
                    describe(payout.payee()), withdrawal.path("id").asText());
        } catch (FlashRejectedException rejected) {
            if (INSUFFICIENT_FUNDS.equals(rejected.code())) {
                awaitFunds(instructionId, payout, rejected.reason());
                return;
            }
            reject(instructionId, rejected.code(), rejected.reason());
        } catch (FlashGraphQlErrorException invalid) {
            reject(instructionId, invalid.code(), invalid.reason());
        } catch (FlashException failure) {
            instructions.recordError(instructionId, failure.getMessage());
            if (failure instanceof FlashUnavailableException unavailable && unavailable.retryAfter().isPresent()) {
                exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, unavailable.retryAfter().get().toMillis());
            } else {
                exchange.getIn().removeHeader(Exchange.REDELIVERY_DELAY);
            }
            log.warn("Payout {} not sent yet: {}", payout.paymentId(), failure.getMessage());
            throw failure;
        } finally {
            MDC.remove("paymentId");
        }
    }

    /** Retries are exhausted: the instruction waits, visible, until ops replay it. */
    public void park(long instructionId, Exception cause) {
        String reason = "retries exhausted: " + (cause == null ? "unknown" : cause.getMessage());
        instructions.recordError(instructionId, reason);
        instructions.transition(instructionId, StatusChange.of(PayoutStatus.PARKED, reason));
        log.error("Instruction {} parked: {}", instructionId, reason);
    }

    /** Not final: {@link FundsWatcher} sends it again when the balance covers it, or refuses it when the wait is over. */
    private void awaitFunds(long instructionId, PaymentInstruction payout, String reason) {
        instructions.transition(instructionId, new StatusChange(PayoutStatus.AWAITING_FUNDS, "waiting for funds: " + reason,
                "createWithdrawal", null, null, null, null, "waiting for funds: " + reason, null));
        instructions.markAwaitingFunds(instructionId);
        log.warn("Payout {} of {} {} waits for funds: {}", payout.paymentId(), payout.amount(), payout.currency(), reason);
    }

    private void reject(long instructionId, String code, String reason) {
        instructions.transition(instructionId, new StatusChange(PayoutStatus.API_REJECTED, "Flash refused: " + reason,
                "createWithdrawal", null, null, null, code, reason, null));
        log.warn("Instruction {} refused by Flash: {} {}", instructionId, code, reason);
    }

    private static String describe(Payee payee) {
        if (payee instanceof Payee.BankAccount account) {
            return "BSB " + account.bsb() + " account " + account.masked();
        }
        return "PayID (" + ((Payee.PayId) payee).payIdType() + ")";
    }
}
