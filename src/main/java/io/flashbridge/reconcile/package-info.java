/**
 * Reconciliation: Flash's events applied to the ledger through the payout lifecycle, and the
 * status files that tell the ERP how every row of its batch ended.
 */
package io.flashbridge.reconcile;
