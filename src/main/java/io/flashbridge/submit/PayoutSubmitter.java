package io.flashbridge.submit;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flashbridge.flash.FlashClient;
import io.flashbridge.flash.FlashException;
import io.flashbridge.flash.FlashFields;
import io.flashbridge.flash.FlashGraphQlErrorException;
import io.flashbridge.flash.FlashRejectedException;
import io.flashbridge.flash.FlashUnavailableException;
import io.flashbridge.flash.PaymentLegs;
import io.flashbridge.instruction.FxPayment;
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
 * Sends one queued instruction to Flash: a payout with {@code createWithdrawal}, an FX payment with
 * {@code createPayment} after its sender and recipient are in Flash's address book ({@link FxParties}). A rejection is final
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
    private final FxParties parties;
    private final SentBefore sentBefore;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    PayoutSubmitter(FlashClient flash, InstructionStore instructions, CallbackTokens callbacks, ObjectMapper json,
                    FxParties parties, SentBefore sentBefore, io.micrometer.core.instrument.MeterRegistry meters) {
        this.parties = parties;
        this.sentBefore = sentBefore;
        this.meters = meters;
        this.flash = flash;
        this.instructions = instructions;
        this.callbacks = callbacks;
        this.json = json;
    }

    public void submit(long instructionId, Exchange exchange) throws Exception {
        if (!instructions.claim(instructionId)) {
            if (instructions.find(instructionId).isEmpty()) {
                log.warn("Instruction {} is queued but not in the ledger (was the ledger restored from an older copy?); "
                        + "its queue entry is dropped", instructionId);
            } else {
                log.debug("Instruction {} is no longer waiting to be sent; skipped", instructionId);
            }
            return;
        }
        Instruction instruction = instructions.find(instructionId).orElseThrow();
        String operation = instruction.isFxPayment() ? "createPayment" : "createWithdrawal";
        MDC.put("paymentId", instruction.paymentId());
        if (instruction.batchId() != null) {
            MDC.put("batchId", instruction.batchId().substring(0, 12));
        }
        try {
            if (instruction.attempts() > 1) {
                Optional<JsonNode> known = sentBefore.find(instruction);
                if (known.isPresent()) {
                    link(instruction, known.get());
                    return;
                }
            }
            String callbackUri = callbacks.callbackUri(instruction.paymentId()).orElse(null);
            if (instruction.isFxPayment()) {
                sendPayment(instruction, json.readValue(instruction.payload(), FxPayment.class), callbackUri);
            } else {
                sendWithdrawal(instruction, json.readValue(instruction.payload(), PaymentInstruction.class), callbackUri);
            }
        } catch (FlashRejectedException rejected) {
            if (INSUFFICIENT_FUNDS.equals(rejected.code())) {
                awaitFunds(instruction, operation, rejected.reason());
                return;
            }
            reject(instructionId, operation, rejected.code(), rejected.reason());
        } catch (FlashGraphQlErrorException invalid) {
            reject(instructionId, operation, invalid.code(), invalid.reason());
        } catch (FlashException failure) {
            instructions.recordError(instructionId, failure.getMessage());
            if (failure instanceof FlashUnavailableException unavailable && unavailable.retryAfter().isPresent()) {
                exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, unavailable.retryAfter().get().toMillis());
            } else {
                exchange.getIn().removeHeader(Exchange.REDELIVERY_DELAY);
            }
            log.warn("Instruction {} ({}) not sent yet: {}", instruction.paymentId(), operation, failure.getMessage());
            meters.counter("flashbridge.submit.retries", "operation", operation).increment();
            throw failure;
        } finally {
            MDC.remove("paymentId");
            MDC.remove("batchId");
            MDC.remove("flashId");
        }
    }

    private void sendWithdrawal(Instruction instruction, PaymentInstruction payout, String callbackUri) {
        JsonNode withdrawal = flash.createWithdrawal(WithdrawalInputs.of(payout, callbackUri));
        MDC.put("flashId", withdrawal.path("id").asText());
        instructions.transition(instruction.id(), new StatusChange(PayoutStatus.valueOf(withdrawal.path("status").asText()),
                "created at Flash", "createWithdrawal", null, null, withdrawal.path("id").asText(), null,
                withdrawal.path("statusMessage").asText(null), withdrawal.path("totalFee").decimalValue()));
        log.info("Payout {} of {} {} to {} sent to Flash as {}", payout.paymentId(), payout.amount(), payout.currency(),
                describe(payout.payee()), withdrawal.path("id").asText());
    }

    /** Sender and recipient first (reused, updated or created), then the payment itself. */
    private void sendPayment(Instruction instruction, FxPayment fx, String callbackUri) {
        String senderId = fx.sender() == null ? null : parties.senderId(fx.sender());
        String recipientId = parties.recipientId(fx.recipient());
        JsonNode payment = flash.createPayment(FxPaymentInputs.of(fx, senderId, recipientId, callbackUri));
        MDC.put("flashId", payment.path("id").asText());
        instructions.recordLegs(instruction.id(), PaymentLegs.of(payment));
        PayoutStatus status = PayoutStatus.ofPaymentStatus(payment.path("status").asText());
        instructions.transition(instruction.id(), new StatusChange(status == null ? PayoutStatus.OPEN : status,
                "created at Flash", "createPayment", null, null, payment.path("id").asText(), null,
                payment.path("statusMessage").asText(null), FlashFields.money(payment, "totalFee")));
        log.info("FX payment {} of {} {} ({} to {}) to {} sent to Flash as {}", fx.paymentId(), fx.amount(), fx.amountCurrency(),
                fx.fromCurrency(), fx.toCurrency(), fx.recipient().maskedAccount(), payment.path("id").asText());
    }

    /** Flash already has this instruction (found by externalId before a resend): take over what it reports, send nothing. */
    private void link(Instruction instruction, JsonNode found) {
        String flashId = found.path("id").asText();
        MDC.put("flashId", flashId);
        PayoutStatus status;
        if (instruction.isFxPayment()) {
            instructions.recordLegs(instruction.id(), PaymentLegs.of(found));
            status = PayoutStatus.ofPaymentStatus(found.path("status").asText());
        } else {
            status = PayoutStatus.valueOf(found.path("status").asText());
        }
        instructions.transition(instruction.id(), new StatusChange(status == null ? PayoutStatus.OPEN : status,
                "found at Flash by externalId before sending again: not sent twice", "found by externalId", null, null, flashId,
                found.path("rejectCode").asText(null), found.path("statusMessage").asText(null),
                FlashFields.money(found, "totalFee")));
        log.warn("Instruction {} was already at Flash as {} (its answer was lost); linked, not sent again",
                instruction.paymentId(), flashId);
    }


    /** Retries are exhausted: the instruction waits, visible, until ops replay it. */
    public void park(long instructionId, Exception cause) {
        String reason = "retries exhausted: " + (cause == null ? "unknown" : cause.getMessage());
        instructions.recordError(instructionId, reason);
        instructions.transition(instructionId, StatusChange.of(PayoutStatus.PARKED, reason));
        log.error("Instruction {} parked: {}", instructionId, reason);
        meters.counter("flashbridge.submit.parked").increment();
    }

    /** Not final: {@link FundsWatcher} sends it again when the balance covers it, or refuses it when the wait is over. */
    private void awaitFunds(Instruction instruction, String operation, String reason) {
        instructions.awaitFunds(instruction.id(), new StatusChange(PayoutStatus.AWAITING_FUNDS, "waiting for funds: " + reason,
                operation, null, null, null, null, "waiting for funds: " + reason, null));
        log.warn("Instruction {} of {} {} waits for funds: {}", instruction.paymentId(), instruction.amount(),
                instruction.currency(), reason);
    }

    private void reject(long instructionId, String operation, String code, String reason) {
        instructions.transition(instructionId, new StatusChange(PayoutStatus.API_REJECTED, "Flash refused: " + reason,
                operation, null, null, null, code, reason, null));
        log.warn("Instruction {} refused by Flash: {} {}", instructionId, code, reason);
    }

    private static String describe(Payee payee) {
        if (payee instanceof Payee.BankAccount account) {
            return "BSB " + account.bsb() + " account " + account.masked();
        }
        return "PayID (" + ((Payee.PayId) payee).payIdType() + ")";
    }
}
