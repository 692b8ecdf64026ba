package io.flashbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Runs after every other test (its own failsafe execution) and reads the whole run's logs: the
 * suite's (target/test-logs) and the packaged bridges' (target/production-shape, target/crash-recovery). Fails on
 * any secret the tests configured, any JWT, or any full account number of the test data.
 */
class LogSecretsIT {

    private static final List<String> SECRETS = List.of("test-webhook-secret", "test-callback-secret", "demo-password",
            "broker-test-password", "sandbox-webhook-secret", "sandbox-callback-secret");
    private static final List<String> ACCOUNT_NUMBERS = List.of("12345678", "22345678", "32345678", "42345678", "52345678",
            "62345678", "72345678", "11111111", "22222222", "333333333",
            // the IBANs of the FX payment tests and samples
            "DE89370400440532013000", "FR1420041010050500013M02606", "GB82WEST12345698765432");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.");

    @Test
    void theTestRunsLogsHoldNoSecretTokenOrFullAccountNumber() throws IOException {
        List<Path> logs = logs();
        assertThat(logs).as("the suite's log").anyMatch(log -> log.endsWith("suite.log"));
        List<String> hits = new ArrayList<>();
        long lines = 0;
        for (Path log : logs) {
            try (Stream<String> text = Files.lines(log, StandardCharsets.ISO_8859_1)) {
                for (String line : (Iterable<String>) text::iterator) {
                    lines++;
                    SECRETS.stream().filter(line::contains).forEach(secret -> hits.add(log.getFileName() + ": secret " + secret));
                    ACCOUNT_NUMBERS.stream().filter(line::contains).forEach(n -> hits.add(log.getFileName() + ": account " + n));
                    if (JWT.matcher(line).find()) {
                        hits.add(log.getFileName() + ": a JWT");
                    }
                }
            }
        }
        System.out.printf("Scanned %d log lines in %d files%n", lines, logs.size());
        assertThat(hits).isEmpty();
    }

    private static List<Path> logs() throws IOException {
        List<Path> logs = new ArrayList<>();
        for (Path folder : List.of(Path.of("target/test-logs"), Path.of("target/production-shape"), Path.of("target/crash-recovery"))) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.walk(folder)) {
                    files.filter(file -> file.toString().endsWith(".log")).forEach(logs::add);
                }
            }
        }
        return logs;
    }
}
