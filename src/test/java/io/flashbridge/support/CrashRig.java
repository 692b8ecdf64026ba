package io.flashbridge.support;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a crash test needs: a Flash sandbox in the test JVM (its state outlives the bridge), the
 * packaged bridge in the embedded default in its own JVM on free ports, its webhooks registered,
 * and lives of that bridge started, killed and stopped in one work directory.
 */
public final class CrashRig implements AutoCloseable {

    private static final Duration START_PATIENCE = Duration.ofMinutes(4);

    private final SandboxServer flash;
    private final Path work;
    private final int port;
    private final int sftpPort;
    private final int brokerPort;
    private BridgeProcess bridge;
    private int life;

    private CrashRig(SandboxServer flash, Path work, int port, int sftpPort, int brokerPort) {
        this.flash = flash;
        this.work = work;
        this.port = port;
        this.sftpPort = sftpPort;
        this.brokerPort = brokerPort;
    }

    /** A sandbox whose simulated time runs at {@code timeScale} (0.1: Flash's 600 s webhook retry comes after 60 s). */
    public static CrashRig start(Path work, double timeScale) throws Exception {
        SandboxServer flash = SandboxServer.start("--sandbox.time-scale=" + timeScale);
        CrashRig rig = new CrashRig(flash, work, FreePort.next(), FreePort.next(), FreePort.next());
        flash.registerWebhook(SandboxServer.DEMO_EMAIL, "http://localhost:" + rig.port + "/webhooks/flash");
        return rig;
    }

    /** Starts the next life of the bridge with these extra arguments and waits until it is healthy. */
    public BridgeProcess startBridge(String... args) throws Exception {
        bridge = BridgeProcess.embedded(work, port, sftpPort, brokerPort, flash.url(), ++life, args).awaitUp(START_PATIENCE);
        return bridge;
    }

    /** Stops the bridge gracefully, so that its H2 ledger file can be opened. */
    public void stopBridge() throws InterruptedException {
        if (bridge != null) {
            bridge.stop();
            bridge = null;
        }
    }

    public SandboxServer flash() {
        return flash;
    }

    public int port() {
        return port;
    }

    public int sftpPort() {
        return sftpPort;
    }

    public int brokerPort() {
        return brokerPort;
    }

    /** The rig's directory: the bridge's data is under {@code data/} (embedded SFTP root {@code data/sftp}). */
    public Path work() {
        return work;
    }

    /** The bridge's H2 ledger file, for {@code jdbc:h2:file:} once the bridge has stopped. */
    public Path ledger() {
        return work.resolve("data/ledger");
    }

    @Override
    public void close() throws InterruptedException {
        stopBridge();
        flash.close();
    }
}
