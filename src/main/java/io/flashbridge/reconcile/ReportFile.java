package io.flashbridge.reconcile;

/** A status file to write to the ERP's inbox for a batch; {@code finalReport} marks the batch as reported. */
public record ReportFile(String batchId, String fileName, String content, boolean finalReport) {}
