package io.flashbridge.reconcile;

/**
 * A status file to write to the ERP's inbox for a batch (its rows are read when it is rendered);
 * {@code finalReport} marks the batch as reported; {@code correctionsOnly}: only rows that changed
 * after the final file.
 */
public record ReportFile(String batchId, String fileName, String format, boolean finalReport, boolean correctionsOnly) {}
