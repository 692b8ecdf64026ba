package io.flashbridge.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.flashbridge.support.CsvLines;
import io.flashbridge.support.ErpSftp;
import org.awaitility.Awaitility;

/**
 * Drops a generated payout CSV into a running bridge over SFTP and prints how fast the ack file
 * and the final status file come back. Started by {@code bench/payouts.sh}, which runs the
 * bridge (heap capped) and the sandbox in their own JVMs.
 *
 * <p>Arguments: SFTP port, number of rows.
 */
public final class PayoutBenchmark {

    private PayoutBenchmark() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int rows = Integer.parseInt(args[1]);
        String name = "bench-" + System.currentTimeMillis();
        byte[] csv = csv(rows, name);
        System.out.printf("Generated %,d rows (%,d bytes)%n", rows, csv.length);
        try (ErpSftp erp = new ErpSftp(port)) {
            long start = System.nanoTime();
            erp.drop("outbox/payouts", name + ".csv", csv);
            long uploaded = System.nanoTime();
            // The ack counts from the moment it is listed in the inbox; reading it back is the ERP's time.
            String ackName = erp.awaitName(ErpSftp.ackName(name), Duration.ofMinutes(10), Duration.ofMillis(20));
            long acked = System.nanoTime();
            String ack = erp.read("inbox/" + ackName);
            long accepted = CsvLines.parse(ack).stream().filter(row -> "ACCEPTED".equals(row.get("status"))).count();
            System.out.printf("Upload: %.2f s%n", seconds(start, uploaded));
            System.out.printf("Ack file: %.2f s after upload, %,.0f rows/s (%,d accepted)%n",
                    seconds(uploaded, acked), rows / seconds(uploaded, acked), accepted);
            System.out.printf("RESULT intake-bridge %.1f%n", rows / seconds(uploaded, acked));
            if (System.getenv("ACK_ONLY") != null) {
                // The intake is over (its payouts queued) once the upload is archived: the next file starts on a quiet bridge.
                Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                        .until(() -> erp.archived("outbox/payouts/done", name));
                return;
            }
            String status = erp.awaitFinalStatus(name, Duration.ofMinutes(30));
            long finished = System.nanoTime();
            List<Map<String, String>> lines = CsvLines.parse(status);
            long confirmed = lines.stream().filter(row -> "CONFIRMED".equals(row.get("status"))).count();
            System.out.printf("Status file: %.2f s after upload, %,.0f payouts/s (%,d CONFIRMED of %,d)%n",
                    seconds(uploaded, finished), accepted / seconds(uploaded, finished), confirmed, lines.size());
            System.out.printf("RESULT e2e-bridge %.1f%n", accepted / seconds(uploaded, finished));
        }
    }

    static byte[] csv(int rows, String name) {
        StringBuilder csv = new StringBuilder(rows * 100);
        csv.append("payment_id,amount,currency,bsb,account_number,account_name,payid,payid_type,reference,remitter_name\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(name).append('-').append(i).append(',')
                    .append(1 + i % 10).append('.').append(String.format("%02d", i % 100)).append(",AUD,062-000,")
                    .append(10_000_000 + i).append(",Payee Number X").append(toLetters(i)).append(",,,INV-").append(i)
                    .append(",Acme Payroll Pty Ltd\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Person names may not contain digits. */
    static String toLetters(int n) {
        StringBuilder letters = new StringBuilder();
        do {
            letters.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return letters.toString();
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
