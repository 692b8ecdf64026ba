package io.flashbridge.submit;

/** A deposit cleared: money may now cover payouts waiting for funds. Published by the deposit reconciliation. */
public record FundsArrived(String depositId) {}
