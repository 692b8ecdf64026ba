package io.flashbridge.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.flashbridge.ledger.WebhookInbox;

/**
 * Applies a webhook event to the ledger inside the transaction that stores it, so the event and
 * its effect are committed together before Flash gets its 200 (one commit instead of three: stored,
 * applied, no longer pending). Implemented by the reconciler, which also applies whatever was left
 * pending.
 */
public interface InlineApplication {

    /**
     * Applies {@code stored} now, given its body as the receiver parsed it; false for an event that
     * must wait for the reconciler. Runs inside the ledger transaction.
     */
    boolean applyNow(WebhookInbox.StoredEvent stored, JsonNode event);
}
