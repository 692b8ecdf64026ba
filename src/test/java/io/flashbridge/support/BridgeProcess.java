package io.flashbridge.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * The packaged bridge ({@code flashbridge.jar}, set by failsafe) in a JVM of its own, as ops run
 * it, with the project's routes: started with environment and arguments, its output in a log file, stopped gracefully
 * (SIGTERM) or killed ({@code kill -9}).
 */
public final class BridgeProcess {

    private final Process process;
    private final Path log;
    private final int port;

    private BridgeProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the jar in {@code workDir} with {@code env} added to this JVM's environment; output goes to {@code log}. */
    public static BridgeProcess start(Path workDir, int port, Map<String, String> env, Path log, String... args) throws IOException {
        return start(workDir, port, env, log, List.of(), args);
    }

    /** As {@link #start(Path, int, Map, Path, String...)}, with JVM options such as {@code -Duser.home=}. */
    public static BridgeProcess start(Path workDir, int port, Map<String, String> env, Path log, List<String> jvmOptions,
                                      String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx384m", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", System.getProperty("flashbridge.jar"), "--server.port=" + port));
        command.addAll(List.of(args));
        Files.createDirectories(workDir);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("FLASHBRIDGE_ROUTES_DIR", Path.of("routes").toAbsolutePath().toString());
        builder.environment().putAll(env);
        return new BridgeProcess(builder.start(), log, port);
    }

    /**
     * The embedded default (H2 file ledger, Artemis and SFTP in the bridge's JVM, data under
     * {@code workDir/data}) against the Flash at {@code flashUrl}, with the status poller off unless {@code args} set it;
     * {@code life} numbers its log file, so a restart in the same directory keeps both logs.
     */
    public static BridgeProcess embedded(Path workDir, int port, int sftpPort, int brokerPort, String flashUrl, int life,
                                         String... args) throws IOException {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("FLASHBRIDGE_SANDBOX_ENABLED", "false");
        env.put("FLASHBRIDGE_DATA_DIR", "data");
        env.put("SFTP_BIND", "127.0.0.1");
        env.put("SFTP_PORT", Integer.toString(sftpPort));
        env.put("ARTEMIS_ACCEPTOR", "tcp://127.0.0.1:" + brokerPort);
        env.put("FLASH_API_URL", flashUrl);
        env.put("FLASH_WEBHOOK_SECRET", SandboxServer.WEBHOOK_SECRET);
        env.put("FLASH_CALLBACK_SECRET", SandboxServer.CALLBACK_SECRET);
        env.put("FLASHBRIDGE_INTERIM_PERIOD", "3600000");
        List<String> all = new ArrayList<>(List.of("--flashbridge.poller.period=3600000", "--flashbridge.balance-check.period=3600000",
                "--flashbridge.deposits.poll-period=3600000"));
        // An argument naming one of these settings replaces it (Spring would join the two values).
        for (String arg : args) {
            all.removeIf(setting -> arg.contains("=") && setting.startsWith(arg.substring(0, arg.indexOf('=') + 1)));
        }
        all.addAll(List.of(args));
        return start(workDir, port, env, workDir.resolve("bridge-" + life + ".log"), all.toArray(String[]::new));
    }


    public int port() {
        return port;
    }

    /** Waits until {@code /actuator/health} answers UP (status only, no login needed). */
    public BridgeProcess awaitUp(Duration atMost) {
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the bridge exited with " + process.exitValue() + ":\n" + logText());
            }
            return health(null).contains("\"status\":\"UP\"");
        });
        return this;
    }

    /** {@code /actuator/health}, with details when {@code login} ("user:password") is given. */
    public String health(String login) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(45));
        if (login != null) {
            request.header("authorization", "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** SIGKILL: no shutdown hook, no graceful stop, nothing flushed that was not already written. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: Spring's graceful shutdown. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    public String logText() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** How many times {@code text} occurs in the log so far. */
    public int logCount(String text) throws IOException {
        return countIn(log, text);
    }

    /** How many times {@code text} occurs in the file {@code log}. */
    public static int countIn(Path log, String text) throws IOException {
        String all = Files.readString(log, StandardCharsets.UTF_8);
        int count = 0;
        for (int at = all.indexOf(text); at >= 0; at = all.indexOf(text, at + text.length())) {
            count++;
        }
        return count;
    }
}
