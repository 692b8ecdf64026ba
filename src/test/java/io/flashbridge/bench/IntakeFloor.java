package io.flashbridge.bench;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.flashbridge.instruction.IdempotencyKeys;
import io.flashbridge.instruction.Sha256;
import org.flywaydb.core.Flyway;

/**
 * The floor of the intake benchmark: the same generated rows, parsed by a plain split and
 * batch-inserted into the same ledger schema (Flyway's migrations, the same H2 settings), with the
 * payload JSON the bridge stores, by a JDBC loop in one JVM committing every 1,000 rows (the
 * fastest of 250, 500, 1,000, 2,000 and 5,000 on a 2-core machine); no validation, no ack, no
 * queue. Prints rows/s.
 * With warm-up, a first file of the same size goes in first and the second is measured, as the
 * benchmark does with the bridge.
 *
 * <p>Arguments: number of rows, data folder, optionally {@code warm} (measure a second file).
 */
public final class IntakeFloor {

    private static final int CHUNK = 1_000;

    private IntakeFloor() {}

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        String url = "jdbc:h2:file:./" + args[1] + "/floor-ledger;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "CACHE_SIZE=16384;QUERY_CACHE_SIZE=64;WRITE_DELAY=0";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        double cold = load(url, rows);
        System.out.printf("RESULT intake-floor-cold %.1f%n", cold);
        if (args.length > 2 && args[2].equals("warm")) {
            System.out.printf("RESULT intake-floor %.1f%n", load(url, rows));
        } else {
            System.out.printf("RESULT intake-floor %.1f%n", cold);
        }
    }

    /** Loads one generated file of {@code rows} rows; answers rows/s. */
    private static double load(String url, int rows) throws Exception {
        String name = "floor-" + System.nanoTime();
        byte[] csv = PayoutBenchmark.csv(rows, name);
        String batchId = Sha256.hex(new String(csv, StandardCharsets.UTF_8));
        long start = System.nanoTime();
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            db.setAutoCommit(false);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            try (PreparedStatement batch = db.prepareStatement("insert into batch (id, source, file_name, format, received_at, "
                    + "total_rows, accepted_rows, rejected_rows) values (?, 'erp', ?, 'CSV', ?, 0, 0, 0)")) {
                batch.setString(1, batchId);
                batch.setString(2, name + ".csv");
                batch.setObject(3, now);
                batch.executeUpdate();
            }
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8));
                 PreparedStatement insert = db.prepareStatement("insert into instruction (source, payment_id, batch_id, line_number, "
                         + "kind, amount, currency, payload, idempotency_key, status, attempts, created_at, updated_at) "
                         + "values ('erp', ?, ?, ?, 'WITHDRAWAL', ?, 'AUD', ?, ?, 'RECEIVED', 0, ?, ?)")) {
                lines.readLine();
                String line;
                int lineNumber = 1;
                while ((line = lines.readLine()) != null) {
                    lineNumber++;
                    String[] f = line.split(",", -1);
                    insert.setString(1, f[0]);
                    insert.setString(2, batchId);
                    insert.setInt(3, lineNumber);
                    insert.setBigDecimal(4, new BigDecimal(f[1]));
                    insert.setString(5, "{\"source\":\"erp\",\"paymentId\":\"" + f[0] + "\",\"amount\":" + f[1]
                            + ",\"currency\":\"AUD\",\"payee\":{\"type\":\"BSB\",\"bsb\":\"" + f[3].replace("-", "")
                            + "\",\"accountNumber\":\"" + f[4] + "\",\"accountName\":\"" + f[5] + "\"},\"reference\":\"" + f[8]
                            + "\",\"remitterName\":\"" + f[9] + "\"}");
                    insert.setString(6, IdempotencyKeys.of("erp", f[0]));
                    insert.setObject(7, now);
                    insert.setObject(8, now);
                    insert.addBatch();
                    if ((lineNumber - 1) % CHUNK == 0) {
                        insert.executeBatch();
                        db.commit();
                    }
                }
                insert.executeBatch();
                db.commit();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Floor (plain JDBC loop, same schema): %,d rows in %.2f s, %,.0f rows/s%n", rows, seconds, rows / seconds);
        return rows / seconds;
    }
}
