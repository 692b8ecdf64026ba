package io.flashbridge.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.flashbridge.flash.FlashFields;
import io.flashbridge.ledger.Deposit;
import io.flashbridge.ledger.DepositStatus;

/** A deposit as a webhook or the {@code deposits} query describes it (the same fields, flash-api.md 5.3 and 12.6). */
final class DepositFacts {

    private DepositFacts() {}

    static Deposit of(JsonNode node, DepositStatus status) {
        JsonNode sender = node.path("sender");
        JsonNode recipient = node.path("recipient");
        JsonNode subClient = node.path("subClient");
        String payerName = text(sender, "companyName") != null ? text(sender, "companyName") : text(sender, "accountName");
        return new Deposit(text(node, "id"), status, text(node, "statusMessage"), FlashFields.money(node, "amount"),
                FlashFields.money(node, "totalFee"), text(node, "currency"), text(node, "externalReference"), payerName,
                text(sender, "bsb"), text(sender, "accountNo"),
                text(subClient, "bsb") != null ? text(subClient, "bsb") : text(recipient, "bsb"),
                text(subClient, "accountNo") != null ? text(subClient, "accountNo") : text(recipient, "accountNo"),
                text(subClient, "id"), text(subClient, "externalId"), text(subClient, "fullName"),
                FlashFields.money(node, "refundAmount"), FlashFields.time(node, "createdAt"), FlashFields.time(node, "clearedAt"),
                FlashFields.time(node, "refundedAt"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText() : null;
    }
}
