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
        SandboxServer.shared().registerWebhook(flashClient(), "http://localhost:" + port + "/webhooks/flash");
        erp = new ErpSftp(sftpServer.port());
    }

    /** The Flash client account this bridge logs in as; tests with an account of their own override it. */
    protected String flashClient() {
        return SandboxServer.DEMO_EMAIL;
    }

    /**
     * Makes the bridge log in as a new sandbox client account of the test's own, holding
     * {@code audBalance}: call from the test class's {@code @DynamicPropertySource}.
     */
    protected static void ownClientAccount(org.springframework.test.context.DynamicPropertyRegistry registry, String email,
                                           String password, String companyName, java.math.BigDecimal audBalance) {
        registry.add("flash.email", () -> {
            SandboxServer.shared().admin("POST", "clients", java.util.Map.of("email", email, "password", password,
                    "companyName", companyName, "balances", java.util.Map.of("AUD", audBalance)));
            return email;
        });
        registry.add("flash.password", () -> password);
    }

    @AfterEach
    void disconnectErp() throws IOException {
        erp.close();
    }
}
