package io.flashbridge.ops;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code erpSftp}: whether the ERP's SFTP server (where payout
 * files come from and acks, status files and deposit reports go) answers as an SSH server. It
 * connects and reads the server's greeting only: no login, so no credentials are used, and a
 * health check never holds a session. DOWN while the server is unreachable; the bridge's SFTP
 * routes retry on their own and nothing is lost meanwhile.
 */
@Component("erpSftp")
class ErpSftpHealth implements HealthIndicator {

    private static final int TIMEOUT_MILLIS = 2_000;

    private final Environment environment;

    ErpSftpHealth(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Health health() {
        // Read at each check: the embedded server publishes its port only once it listens.
        String host = environment.getRequiredProperty("flashbridge.sftp.host");
        int port = environment.getRequiredProperty("flashbridge.sftp.port", Integer.class);
        Health.Builder health;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            String greeting = greeting(socket.getInputStream());
            health = greeting.startsWith("SSH-") ? Health.up() : Health.down().withDetail("error", "not an SSH server");
        } catch (IOException e) {
            health = Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return health.withDetail("server", host + ":" + port).build();
    }

    /** The first line the server sends (at most 255 bytes, as RFC 4253 allows). */
    private static String greeting(InputStream in) throws IOException {
        byte[] line = new byte[255];
        int length = 0;
        int b;
        while (length < line.length && (b = in.read()) >= 0 && b != '\n') {
            line[length++] = (byte) b;
        }
        return new String(line, 0, length, StandardCharsets.US_ASCII).trim();
    }
}
