package io.flashbridge.intake.file;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flashbridge.ledger.BatchStore;
import io.flashbridge.ledger.LedgerDisk;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** FX payment files (CSV) from {@code outbox/payments}: international payments sent with {@code createPayment}. */
@Component("paymentFileIntake")
public class PaymentFileIntake extends FileIntake {

    PaymentFileIntake(BatchStore batches, IntakeProperties properties, CamelContext camel,
                      ObjectMapper json, @Value("${flashbridge.data-dir}") String dataDir,
                     io.micrometer.core.instrument.MeterRegistry meters, LedgerDisk disk) {
        super(batches, properties, camel, json, dataDir, CsvRowReader.Layout.FX_PAYMENTS, "FX-CSV", meters, disk);
    }
}
