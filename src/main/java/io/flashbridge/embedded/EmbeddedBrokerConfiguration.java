package io.flashbridge.embedded;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Opens the embedded Artemis broker to other processes: Spring Boot's embedded mode has only an
 * in-VM acceptor, but core banking connects over TCP ({@code flashbridge.embedded.artemis.acceptor}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.artemis.mode", havingValue = "embedded")
class EmbeddedBrokerConfiguration {

    @Bean
    ArtemisConfigurationCustomizer tcpAcceptor(
            @org.springframework.beans.factory.annotation.Value("${flashbridge.embedded.artemis.acceptor:}") String acceptorUrl) {
        return configuration -> {
            if (!acceptorUrl.isBlank()) {
                try {
                    configuration.addAcceptorConfiguration("tcp", acceptorUrl);
                } catch (Exception e) {
                    throw new IllegalStateException("Invalid flashbridge.embedded.artemis.acceptor " + acceptorUrl, e);
                }
            }
        };
    }
}
