package io.flashbridge.support;

import java.io.IOException;
import java.util.UUID;

import io.flashbridge.embedded.EmbeddedSftpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * End-to-end tests from the ERP's side: the sandbox posts its webhooks to this bridge, an SFTP
 * client is logged in as the ERP, and {@link #run} makes payment ids unique to the test.
 */
public abstract class ErpTestSupport extends BridgeTestSupport {

    @LocalServerPort
    protected int port;
    @Autowired
    protected EmbeddedSftpServer sftpServer;
    @Autowired
    protected JdbcTemplate jdbc;

    protected ErpSftp erp;
    protected final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void connectErpAndFlash() throws IOException {
        SandboxServer.shared().registerWebhook(SandboxServer.DEMO_EMAIL, "http://localhost:" + port + "/webhooks/flash");
        erp = new ErpSftp(sftpServer.port());
    }

    @AfterEach
    void disconnectErp() throws IOException {
        erp.close();
    }
}
