package io.flashbridge.embedded;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded SFTP server ({@code flashbridge.embedded.sftp.*}).
 *
 * @param enabled start it (false under {@code prod})
 * @param host address to bind
 * @param port 2222 by default; 0 picks a free port
 * @param root the ERP user's home; {@code outbox/payouts}, {@code outbox/payments} and {@code inbox} live below it
 * @param hostKey where the server's host key is kept, so clients see the same key across restarts
 * @param username the ERP user
 * @param password the ERP user's password
 * @param folders folders created under {@code root} at start
 */
@ConfigurationProperties("flashbridge.embedded.sftp")
public record EmbeddedSftpProperties(boolean enabled, String host, int port, Path root, Path hostKey,
                                     String username, String password, List<String> folders) {}
