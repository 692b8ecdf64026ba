package io.flashbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** {@code java -jar <the bridge jar> validate-routes DIR}, as ops run it in their own CI. */
class ValidateRoutesCommandIT {

    private record Run(int exit, String output) {}

    @Test
    void exitsZeroOnTheShippedRoutes() throws Exception {
        Run run = validateRoutes(Path.of("routes"));

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("every route file is valid");
    }

    @Test
    void exitsNonZeroWithFileLineColumnOnABadEdit() throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "validate-routes-it", UUID.randomUUID().toString()));
        try (var files = Files.list(Path.of("routes"))) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        Path poller = folder.resolve("payout-poller.camel.yaml");
        Files.writeString(poller, Files.readString(poller).replace("uri: timer:", "uri: timerx:"));

        Run run = validateRoutes(folder);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("payout-poller.camel.yaml:8:12: unknown endpoint scheme \"timerx\"");
    }

    private static Run validateRoutes(Path folder) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-jar", System.getProperty("flashbridge.jar"), "validate-routes",
                folder.toString())).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
