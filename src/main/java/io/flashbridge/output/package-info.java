/**
 * The files the bridge writes for the ERP: how their names are formed (unique per batch, never
 * outside the inbox) and how their CSV text is written (quoted, formula-safe).
 */
package io.flashbridge.output;
