/**
 * The ledger: batches, instructions, webhook events and the audit trail in a JDBC database
 * (H2 file in the embedded default, PostgreSQL in production), migrated by Flyway.
 */
package io.flashbridge.ledger;
