package io.flashbridge.flash;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Test inputs for {@code createWithdrawal} shaped like the bridge's payouts. */
final class Payouts {

    private Payouts() {}

    static Map<String, Object> payout(String amount, String externalReference) {
        Map<String, Object> recipient = new HashMap<>();
        recipient.put("firstName", "Katarina");
        recipient.put("lastName", "Oreiro");
        recipient.put("accountIdType", "BSB");
        recipient.put("currency", "AUD");
        recipient.put("bsb", "062000");
        recipient.put("accountNo", "12345678");
        Map<String, Object> input = new HashMap<>();
        input.put("amount", new BigDecimal(amount));
        input.put("currency", "AUD");
        input.put("recipient", recipient);
        input.put("sender", Map.of("companyName", "Acme Payroll Pty Ltd"));
        input.put("externalReference", externalReference);
        String id = "PAY-" + UUID.randomUUID();
        input.put("externalId", id);
        input.put("idempotencyKey", "test:" + id);
        return input;
    }
}
