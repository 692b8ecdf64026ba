package io.flashbridge.intake.file;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flashbridge.ledger.BatchStore;
import io.flashbridge.ledger.LedgerDisk;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Payout files (CSV and ABA) from {@code outbox/payouts}: AUD payouts sent with {@code createWithdrawal}. */
@Component("payoutFileIntake")
public class PayoutFileIntake extends FileIntake {

    PayoutFileIntake(BatchStore batches, IntakeProperties properties, CamelContext camel,
                     ObjectMapper json, @Value("${flashbridge.data-dir}") String dataDir,
                     io.micrometer.core.instrument.MeterRegistry meters, LedgerDisk disk) {
        super(batches, properties, camel, json, dataDir, CsvRowReader.Layout.PAYOUTS, "CSV", meters, disk);
    }
}
