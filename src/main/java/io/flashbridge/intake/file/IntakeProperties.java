package io.flashbridge.intake.file;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * File intake settings ({@code flashbridge.intake.*}).
 *
 * @param source the ledger source of ERP payout files; with the payment id it is the idempotency scope
 * @param policy {@code REJECT_ROWS} (bad rows are rejected, good rows go on) or {@code REJECT_FILE}
 *     (one bad row rejects the whole file)
 */
@ConfigurationProperties("flashbridge.intake")
public record IntakeProperties(String source, Policy policy) {

    public enum Policy { REJECT_ROWS, REJECT_FILE }
}
