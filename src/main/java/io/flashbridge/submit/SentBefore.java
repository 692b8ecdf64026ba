package io.flashbridge.submit;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.flashbridge.flash.FlashClient;
import io.flashbridge.flash.FlashOperation;
import io.flashbridge.ledger.Instruction;
import org.springframework.stereotype.Component;

/**
 * Before an instruction is sent again (a retry, a replay, a redelivery after a crash), Flash is asked
 * whether it already has it, by {@code externalId}: a call whose answer was lost (a timeout after
 * Flash carried it out) must not pay twice even if Flash ignored the idempotency key. Costs one
 * query per resend, none on a first attempt.
 */
@Component
class SentBefore {

    private final FlashClient flash;

    SentBefore(FlashClient flash) {
        this.flash = flash;
    }

    /** The withdrawal or payment Flash holds for this instruction's payment id, if any. */
    Optional<JsonNode> find(Instruction instruction) {
        FlashOperation query = instruction.isFxPayment() ? FlashOperation.PAYMENTS : FlashOperation.WITHDRAWALS;
        JsonNode found = flash.call(query, Map.of("externalId", instruction.paymentId()));
        for (JsonNode candidate : found) {
            if (instruction.paymentId().equals(candidate.path("externalId").asText(null))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
