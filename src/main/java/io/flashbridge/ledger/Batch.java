package io.flashbridge.ledger;

import java.time.Instant;

/** An input file: its content hash (the batch id), name and format, and when it arrived. */
public record Batch(String id, String source, String fileName, String format, Instant receivedAt) {}
