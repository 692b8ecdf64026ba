package io.flashbridge.intake.file;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * File intake settings ({@code flashbridge.intake.*}).
 *
 * @param source the ledger source of ERP payout files; with the payment id it is the idempotency scope
 * @param policy {@code REJECT_ROWS} (bad rows are rejected, good rows go on) or {@code REJECT_FILE}
 *     (one bad row rejects the whole file)
 * @param maxFileSize a larger file is refused as a whole
 * @param maxRows a file with more lines after its first is refused as a whole
 * @param maxLineLength a longer line is rejected as a row (its text is never held)
 * @param maxAttempts a file whose intake fails this often while the ledger and broker are up is
 *     moved to {@code failed/} with an ack line, instead of being read again forever
 * @param unchangedFor an upload the bridge cannot see finish (an external SFTP server) is read once
 *     its size and time are the same at two looks this far apart
 */
@ConfigurationProperties("flashbridge.intake")
public record IntakeProperties(String source, Policy policy, @DefaultValue("200MB") DataSize maxFileSize,
                               @DefaultValue("1000000") int maxRows, @DefaultValue("16384") int maxLineLength,
                               @DefaultValue("3") int maxAttempts, @DefaultValue("500ms") Duration unchangedFor) {

    public enum Policy { REJECT_ROWS, REJECT_FILE }
}
