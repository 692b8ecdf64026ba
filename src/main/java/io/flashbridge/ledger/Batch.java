package io.flashbridge.ledger;

import java.time.Instant;

/**
 * An input file: its content hash (the batch id), name and format, when it arrived, and whether
 * its intake completed (ack written, payouts queued).
 */
public record Batch(String id, String source, String fileName, String format, Instant receivedAt, boolean completed) {

    public Batch(String id, String source, String fileName, String format, Instant receivedAt) {
        this(id, source, fileName, format, receivedAt, false);
    }
}
