/**
 * The operations console: server-rendered pages (Thymeleaf, no CDN) under {@code /console} behind
 * the operations login, for finance and integration ops: batches, instructions with their audit
 * trail, held and parked payouts (replay), dead-lettered messages (replay, discard), deposits,
 * refused route edits, and the health of what the bridge depends on.
 */
package io.flashbridge.ops.console;
