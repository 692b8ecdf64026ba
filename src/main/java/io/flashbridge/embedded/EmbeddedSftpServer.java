package io.flashbridge.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;

import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

/**
 * The ERP's SFTP server in the embedded default: Apache MINA SSHD, password login, the user
 * jailed in {@code data/sftp}. Its health shows in {@code /actuator/health} as {@code sftp}.
 */
@Component("sftp")
@ConditionalOnProperty(name = "flashbridge.embedded.sftp.enabled", havingValue = "true")
public class EmbeddedSftpServer implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSftpServer.class);

    private final EmbeddedSftpProperties properties;
    private final ConfigurableEnvironment environment;
    private final Uploads uploads = new Uploads();
    private SshServer server;

    EmbeddedSftpServer(EmbeddedSftpProperties properties, ConfigurableEnvironment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /**
     * Starts while the context is being built, before Camel resolves its routes, and publishes the
     * bound port as {@code local.sftp.port} (the routes' default when the configured port is 0).
     */
    @PostConstruct
    void startEarly() {
        start();
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedSftp", Map.of("local.sftp.port", port())));
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(properties.root());
            for (String folder : properties.folders()) {
                Files.createDirectories(properties.root().resolve(folder));
            }
            Files.createDirectories(properties.hostKey().toAbsolutePath().getParent());
            server = SshServer.setUpDefaultServer();
            server.setHost(properties.host());
            server.setPort(properties.port());
            server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(properties.hostKey()));
            server.setPasswordAuthenticator((username, password, session) ->
                    constantTimeEquals(properties.username(), username) & constantTimeEquals(properties.password(), password));
            SftpSubsystemFactory sftp = new SftpSubsystemFactory();
            sftp.addSftpEventListener(uploads);
            server.setSubsystemFactories(List.of(sftp));
            server.setFileSystemFactory(new VirtualFileSystemFactory(properties.root().toAbsolutePath()));
            server.start();
            log.info("Embedded SFTP server on port {} serving {}", server.getPort(), properties.root().toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded SFTP server on port " + properties.port(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            try {
                server.stop(true);
            } catch (IOException e) {
                log.warn("Embedded SFTP server did not stop cleanly: {}", e.getMessage());
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null && server.isStarted();
    }

    /** The bound port; differs from the configured one when that was 0. */
    public synchronized int port() {
        return server.getPort();
    }

    /** Which files clients are uploading now and which they finished. */
    public Uploads uploads() {
        return uploads;
    }

    /** Whether a client connecting to {@code host}:{@code port} reaches this server. */
    public synchronized boolean serves(String host, int port) {
        return isRunning() && port == server.getPort()
                && ("localhost".equalsIgnoreCase(host) || host.startsWith("127.") || "::1".equals(host)
                        || host.equals(properties.host()));
    }

    @Override
    public int getPhase() {
        // Up before Camel's routes start polling it, down after they stop.
        return Integer.MIN_VALUE + 100;
    }

    @Override
    public Health health() {
        return isRunning()
                ? Health.up().withDetail("port", port()).build()
                : Health.down().withDetail("reason", "SFTP server not running").build();
    }

    private static boolean constantTimeEquals(String expected, String given) {
        return given != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
