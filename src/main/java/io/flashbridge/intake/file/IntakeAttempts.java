package io.flashbridge.intake.file;

import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.flashbridge.ledger.LedgerDisk;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts failed intakes per upload (name, size, modification time). While the ledger or the broker
 * is down, or the ledger's file cannot be forced to disk, a failure is an outage: the file stays and
 * is read again, uncounted. Otherwise the file itself is the problem, and after
 * {@code flashbridge.intake.max-attempts} the route gives up on it.
 */
@Component("intakeAttempts")
public class IntakeAttempts {

    private static final Logger log = LoggerFactory.getLogger(IntakeAttempts.class);
    private static final int REMEMBERED = 10_000;

    private final DataSource ledger;
    private final LedgerDisk ledgerDisk;
    private final jakarta.jms.ConnectionFactory broker;
    private final int maxAttempts;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    IntakeAttempts(DataSource ledger, LedgerDisk ledgerDisk, jakarta.jms.ConnectionFactory broker, IntakeProperties properties) {
        this.ledger = ledger;
        this.ledgerDisk = ledgerDisk;
        this.broker = broker;
        this.maxAttempts = properties.maxAttempts();
    }

    /** Called when an intake failed: true when the route should stop trying this file. */
    public boolean givesUp(Exchange exchange) {
        String outage = outage();
        if (outage != null) {
            log.warn("Intake of {} failed while {} is unavailable; it will be read again", fileName(exchange), outage);
            return false;
        }
        if (failures.size() > REMEMBERED) {
            failures.clear();
        }
        int attempts = failures.merge(key(exchange), 1, Integer::sum);
        log.warn("Intake of {} failed (attempt {} of {})", fileName(exchange), attempts, maxAttempts);
        if (attempts >= maxAttempts) {
            failures.remove(key(exchange));
            return true;
        }
        return false;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    private String outage() {
        try (Connection connection = ledger.getConnection()) {
            if (!connection.isValid(2)) {
                return "the ledger";
            }
        } catch (Exception e) {
            return "the ledger";
        }
        try {
            ledgerDisk.force();
        } catch (RuntimeException e) {
            return "the ledger's disk";
        }
        try (jakarta.jms.Connection connection = broker.createConnection()) {
            connection.start();
        } catch (Exception e) {
            return "the broker";
        }
        return null;
    }

    private static String key(Exchange exchange) {
        return fileName(exchange) + "|" + exchange.getIn().getHeader(Exchange.FILE_LENGTH) + "|"
                + exchange.getIn().getHeader(Exchange.FILE_LAST_MODIFIED);
    }

    private static String fileName(Exchange exchange) {
        return exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
    }
}
