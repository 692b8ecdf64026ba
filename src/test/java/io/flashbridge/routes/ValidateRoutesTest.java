package io.flashbridge.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/** {@code validate-routes DIR} on the shipped routes and on a copy with each kind of bad edit. */
class ValidateRoutesTest {

    private record Run(int exit, String out, String err) {}

    @Test
    void passesTheShippedRoutes() {
        Run run = validate(Path.of("routes"));

        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("every route file is valid");
    }

    @Test
    void failsAYamlSyntaxErrorWithItsLineAndColumn() throws IOException {
        assertRefused("payout-poller.camel.yaml", text -> text.replace("    id: payout-status-poller", "    id: [payout-status-poller"),
                "payout-poller.camel.yaml:7:9: not valid YAML");
    }

    @Test
    void failsAnUnknownEndpointScheme() throws IOException {
        assertRefused("payout-poller.camel.yaml", text -> text.replace("uri: timer:payout-status-poller", "uri: timerx:payout-status-poller"),
                "payout-poller.camel.yaml:8:12: unknown endpoint scheme \"timerx\"");
    }

    @Test
    void failsAnUnknownEndpointOption() throws IOException {
        assertRefused("payout-poller.camel.yaml", text -> text.replace("        delay:", "        delayy:"),
                "payout-poller.camel.yaml:8:12: endpoint timer: unknown option \"delayy\"");
    }

    @Test
    void failsASchemaViolation() throws IOException {
        int line = lineOf(Path.of("routes", "deposits.camel.yaml"), "      steps:");
        assertRefused("deposits.camel.yaml", text -> text.replaceFirst("      steps:", "      stepz:"),
                "deposits.camel.yaml:" + line + ":7: \"stepz\" is not an option here (/0/route/from)");
        assertThat(Files.readAllLines(Path.of("routes", "deposits.camel.yaml")).get(line - 1)).isEqualTo("      steps:");
    }

    @Test
    void failsAnEndpointOptionNamingAnUnknownBean() throws IOException {
        int line = lineOf(Path.of("routes", "payout-files.camel.yaml"), "        exclusiveReadLockStrategy: \"#completeUploads\"");
        assertRefused("payout-files.camel.yaml", text -> text.replace("#completeUploads", "#completeUploadz"),
                "payout-files.camel.yaml:" + line + ":36: no bean named \"completeUploadz\" in the bridge");
    }

    @Test
    void failsAnUnknownBean() throws IOException {
        assertRefused("flash-balance.camel.yaml", text -> text.replace("ref: flashBalances", "ref: flashBalancez"),
                "flash-balance.camel.yaml:13:24: no bean named \"flashBalancez\" in the bridge");
    }

    @Test
    void failsADuplicateRouteId() throws IOException {
        assertRefused("funds.camel.yaml", text -> text.replace("id: payouts-awaiting-funds", "id: flash-balance-check"),
                "funds.camel.yaml:6:9: the id \"flash-balance-check\" is already used in flash-balance.camel.yaml");
    }

    @Test
    void failsAMissingRequiredRoute() throws IOException {
        Path folder = copyOfRoutes();
        Files.delete(folder.resolve("webhooks.camel.yaml"));

        Run run = validate(folder);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("the required route \"flash-webhooks\" (flashbridge.routes.required) is defined by no file");
    }

    @Test
    void failsAPlaceholderWithoutValueOrDefault() throws IOException {
        assertRefused("funds.camel.yaml", text -> text.replaceFirst("\\{\\{flashbridge\\.funds\\.max-wait:[0-9]+}}",
                "{{flashbridge.funds.no-such-setting}}"), "the placeholder {{flashbridge.funds.no-such-setting}} has no value");
    }

    private void assertRefused(String file, UnaryOperator<String> change, String expected) throws IOException {
        Path folder = copyOfRoutes();
        Path path = folder.resolve(file);
        String original = Files.readString(path);
        String edited = change.apply(original);
        assertThat(edited).as("the edit changes " + file).isNotEqualTo(original);
        Files.writeString(path, edited);

        Run run = validate(folder);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(expected);
        assertThat(run.out()).isEmpty();
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return lines.indexOf(text) + 1;
    }

    private static Path copyOfRoutes() throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "validate-routes", UUID.randomUUID().toString()));
        try (var files = Files.list(Path.of("routes"))) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        return folder;
    }

    private static Run validate(Path folder) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = OfflineRoutes.run(new String[] {"validate-routes", folder.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
