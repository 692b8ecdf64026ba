package io.flashbridge.submit;

import java.util.LinkedHashMap;
import java.util.Map;

import io.flashbridge.instruction.PartyNames;
import io.flashbridge.instruction.Payee;
import io.flashbridge.instruction.PaymentInstruction;

/** Builds Flash's {@code CreateWithdrawalInput} from an instruction: inline recipient and sender, ids and references. */
final class WithdrawalInputs {

    private WithdrawalInputs() {}

    static Map<String, Object> of(PaymentInstruction instruction, String callbackUri) {
        Map<String, Object> recipient = new LinkedHashMap<>(PartyNames.toFlash(instruction.payee().accountName()));
        recipient.put("currency", instruction.currency());
        if (instruction.payee() instanceof Payee.BankAccount account) {
            recipient.put("accountIdType", "BSB");
            recipient.put("bsb", account.bsb());
            recipient.put("accountNo", account.accountNumber());
        } else if (instruction.payee() instanceof Payee.PayId payId) {
            recipient.put("accountIdType", "PAYID");
            recipient.put("payid", payId.payId());
        }
        if (instruction.email() != null) {
            recipient.put("email", instruction.email());
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("amount", instruction.amount());
        input.put("currency", instruction.currency());
        input.put("recipient", recipient);
        if (instruction.remitterName() != null) {
            input.put("sender", PartyNames.toFlash(instruction.remitterName()));
        }
        if (instruction.reference() != null) {
            input.put("externalReference", instruction.reference());
        }
        if (instruction.reason() != null) {
            input.put("reason", instruction.reason());
        }
        input.put("externalId", instruction.paymentId());
        input.put("idempotencyKey", instruction.idempotencyKey());
        if (callbackUri != null) {
            input.put("callbackUri", callbackUri);
        }
        return input;
    }
}
