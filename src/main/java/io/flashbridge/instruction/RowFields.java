package io.flashbridge.instruction;

/** The raw fields of one row of an input file, whatever its kind: at least the payment id it claims. */
public interface RowFields {

    String paymentId();
}
