package io.flashbridge.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flashbridge.support.BridgeTestSupport;
import io.flashbridge.support.FreePort;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The embedded default: SFTP, broker, ledger and routes start, are healthy, and are reachable by real clients. */
@CamelSpringBootTest
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EmbeddedDefaultTest extends BridgeTestSupport {

    private static final int BROKER_PORT = FreePort.next();

    @Autowired
    TestRestTemplate http;
    @Autowired
    EmbeddedSftpServer sftp;
    @Autowired
    EmbeddedSftpProperties sftpProperties;
    @Autowired
    CamelContext camel;

    @DynamicPropertySource
    static void brokerAcceptor(DynamicPropertyRegistry registry) {
        registry.add("flashbridge.embedded.artemis.acceptor", () -> "tcp://127.0.0.1:" + BROKER_PORT);
    }

    @Test
    void reportsEveryPartUpInHealth() throws IOException {
        JsonNode health = new ObjectMapper().readTree(http.withBasicAuth("viewer", "viewer")
                .getForObject("/actuator/health", String.class));

        assertThat(health.path("status").asText()).isEqualTo("UP");
        for (String part : List.of("db", "jms", "sftp", "camelHealth")) {
            assertThat(health.path("components").path(part).path("status").asText()).as(part).isEqualTo("UP");
        }
    }

    @Test
    void exposesPrometheusMetricsToALoginOnly() {
        assertThat(http.withBasicAuth("viewer", "viewer").getForObject("/actuator/prometheus", String.class))
                .contains("jvm_memory_used_bytes");
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(http.withBasicAuth("viewer", "wrong").getForEntity("/actuator/prometheus", String.class).getStatusCode().value())
                .isEqualTo(401);
    }

    @Test
    void answersHealthStatusWithoutDetailsToAnyoneAndRefusesOpsWithoutLogin() throws IOException {
        JsonNode health = new ObjectMapper().readTree(http.getForObject("/actuator/health", String.class));

        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.has("components")).isFalse();
        assertThat(http.getForEntity("/ops/payouts/parked", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(http.getForEntity("/actuator/env", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(http.withBasicAuth("viewer", "viewer").getForEntity("/ops/payouts/parked", String.class)
                .getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void loadsRoutesFromTheRoutesFolder() {
        assertThat(camel.getRoute("flash-balance-check")).isNotNull();
        assertThat(camel.getRoute("flash-balance-check").getSourceLocation()).contains("routes/flash-balance.camel.yaml");
    }

    @Test
    void letsTheErpUploadOverSftpIntoItsOutbox() throws IOException {
        try (SshClient client = SshClient.setUpDefaultClient()) {
            client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            client.start();
            try (ClientSession session = login(client, "erp");
                 SftpClient files = SftpClientFactory.instance().createSftpClient(session)) {
                List<String> folders = StreamSupport.stream(files.readDir("outbox").spliterator(), false)
                        .map(SftpClient.DirEntry::getFilename).toList();
                assertThat(folders).contains("payouts", "payments");
                try (OutputStream out = files.write("outbox/payouts/hello.csv")) {
                    out.write("payment_id,amount\n".getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(Files.readString(sftpProperties.root().resolve("outbox/payouts/hello.csv"))).startsWith("payment_id");
    }

    @Test
    void refusesSftpLoginWithAWrongPassword() throws IOException {
        try (SshClient client = SshClient.setUpDefaultClient()) {
            client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            client.start();
            assertThatThrownBy(() -> login(client, "not-the-password")).isInstanceOf(IOException.class);
        }
    }

    @Test
    void acceptsJmsClientsOverTcp() throws Exception {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + BROKER_PORT);
             Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var queue = session.createQueue("flashbridge.test.echo");
            session.createProducer(queue).send(session.createTextMessage("ping"));
            MessageConsumer consumer = session.createConsumer(queue);

            TextMessage received = (TextMessage) consumer.receive(Duration.ofSeconds(10).toMillis());

            assertThat(received.getText()).isEqualTo("ping");
        }
    }

    private ClientSession login(SshClient client, String password) throws IOException {
        ClientSession session = client.connect("erp", "127.0.0.1", sftp.port()).verify(Duration.ofSeconds(10)).getSession();
        session.addPasswordIdentity(password);
        try {
            session.auth().verify(Duration.ofSeconds(10));
        } catch (IOException e) {
            session.close();
            throw e;
        }
        return session;
    }

}
