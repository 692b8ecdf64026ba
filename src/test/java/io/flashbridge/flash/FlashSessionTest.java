package io.flashbridge.flash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.flashbridge.FlashBridgeApplication;
import io.flashbridge.support.SandboxServer;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The token session against a sandbox whose tokens live 3 seconds: refresh from {@code exp},
 * one fresh login after a revoked token, never two logins within a second, logout on shutdown.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FlashSessionTest {

    private static final SandboxServer sandbox = SandboxServer.start("--sandbox.token-lifetime=3s");

    @Autowired
    FlashClient flash;
    @Autowired
    FlashSession session;
    @Autowired
    FlashTransport transport;

    @DynamicPropertySource
    static void shortLivedTokens(DynamicPropertyRegistry registry) {
        registry.add("flash.api-url", sandbox::url);
        registry.add("flash.token-refresh-margin", () -> "1s");
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void refreshesTokenFromItsExpClaimBeforeItExpires() {
        flash.balances(List.of("AUD"));
        int loginsBefore = session.logins();

        // The token lives 3 s and is refreshed 1 s early: calls keep working and one new login happens.
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() -> {
            flash.balances(List.of("AUD"));
            return session.logins() > loginsBefore;
        });

        assertThat(session.logins()).isEqualTo(loginsBefore + 1);
    }

    @Test
    void logsInAgainOnceWhenFlashRevokedTheToken() {
        String token = session.bearerToken();
        int loginsBefore = session.logins();
        sandbox.post("{\"query\":\"mutation { logout { success } }\"}", token);

        assertThat(flash.balances(List.of("AUD"))).hasSize(1);
        assertThat(session.logins()).isEqualTo(loginsBefore + 1);
    }

    @Test
    void neverLogsInTwiceWithinOneSecond() {
        // The sandbox answers 429 to a second login within a second, which would fail these calls.
        session.invalidate(session.bearerToken());
        flash.balances(List.of("AUD"));
        session.invalidate(session.bearerToken());
        flash.balances(List.of("AUD"));
        session.invalidate(session.bearerToken());

        assertThat(flash.balances(List.of("AUD"))).hasSize(1);
    }

    @Test
    void reportsRefusedCredentialsAsRetryableAuthenticationFailure() {
        FlashSession wrong = new FlashSession(transport, new FlashProperties(URI.create(sandbox.url()),
                "nobody@example.com", "wrong", null, "FlashBridge-tests", Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofSeconds(1)));

        assertThatThrownBy(wrong::bearerToken).isInstanceOfSatisfying(FlashAuthenticationException.class, e -> {
            assertThat(e.code()).isEqualTo("INVALID_CREDENTIALS");
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.getMessage()).doesNotContain("wrong");
        });
    }

    @Test
    void logsOutWhenTheBridgeStops() {
        var client = sandbox.admin("POST", "clients", Map.of());
        ConfigurableApplicationContext bridge = new SpringApplicationBuilder(FlashBridgeApplication.class)
                .profiles("test")
                .run("--server.port=0", "--flash.api-url=" + sandbox.url(),
                        "--flash.email=" + client.path("email").asText(), "--flash.password=" + client.path("password").asText());
        String token = bridge.getBean(FlashSession.class).bearerToken();

        bridge.close();

        String answer = sandbox.post("{\"query\":\"{ balances { currency } }\"}", token).body();
        assertThat(answer).contains("UNAUTHENTICATED").contains("revoked");
    }
}
