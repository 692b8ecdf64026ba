package io.flashbridge.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.BridgeTestSupport;
import io.flashbridge.support.FreePort;
import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An embedded broker exposed beyond the loopback address lets no one in without the configured login. */
@BridgeTest
class ExposedBrokerTest extends BridgeTestSupport {

    private static final int BROKER_PORT = FreePort.next();

    @DynamicPropertySource
    static void exposedAcceptor(DynamicPropertyRegistry registry) {
        registry.add("flashbridge.embedded.artemis.acceptor", () -> "tcp://0.0.0.0:" + BROKER_PORT);
        registry.add("flashbridge.embedded.artemis.user", () -> "core-banking");
        registry.add("flashbridge.embedded.artemis.password", () -> "broker-test-password");
    }

    @Test
    void refusesAConnectionWithoutLogin() {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + BROKER_PORT)) {
            assertThatThrownBy(() -> factory.createConnection().close()).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> factory.createConnection("core-banking", "wrong").close())
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void acceptsTheConfiguredLogin() throws Exception {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + BROKER_PORT);
             Connection connection = factory.createConnection("core-banking", "broker-test-password")) {
            connection.start();
            assertThat(connection.createSession().createProducer(null)).isNotNull();
        }
    }

}
