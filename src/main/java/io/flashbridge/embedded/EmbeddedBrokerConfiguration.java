package io.flashbridge.embedded;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Opens the embedded Artemis broker to other processes (Spring Boot's embedded mode has only an
 * in-VM acceptor, but core banking connects over TCP: {@code flashbridge.embedded.artemis.acceptor}),
 * and keeps it from filling the bridge's heap: queues page to the journal directory beyond a few
 * megabytes instead of holding a 100,000-message batch in memory. A message that fails six
 * deliveries (redelivered after 1, 2, 4, 8, 16 s) goes to the dead-letter queue {@code DLQ.<queue>}. The acceptor
 * listens on the loopback address by default; whoever may connect is decided by {@link BrokerLogins}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.artemis.mode", havingValue = "embedded")
class EmbeddedBrokerConfiguration {

    private static final long QUEUE_MEMORY = 8L * 1024 * 1024;
    /**
     * Artemis keeps the page it is writing on the heap, message by message: with its 10 MB pages a file
     * of 100,000 payouts waiting to be sent held ≈ 35,000 of them (≈ 50 MB of a 256 MB bridge). Only
     * the bridge's own payout queue gets smaller pages: a consumer with a selector on a paging queue
     * (core banking taking only some events from flashbridge.status) can starve once the messages it
     * skips fill what Artemis reads of the pages.
     */
    private static final int PAYOUT_QUEUE_PAGE_SIZE = 1024 * 1024;
    private static final long BROKER_MEMORY = 32L * 1024 * 1024;
    static final String DEAD_LETTERS = "DLQ";
    private static final int MAX_DELIVERY_ATTEMPTS = 6;
    private static final long REDELIVERY_DELAY_MS = 1000;
    private static final int INSTRUCTION_DELIVERY_ATTEMPTS = 20;

    @Bean
    static BeanPostProcessor brokerLogins(@Value("${flashbridge.embedded.artemis.acceptor:}") String acceptorUrl,
                                          @Value("${flashbridge.embedded.artemis.user:}") String user,
                                          @Value("${flashbridge.embedded.artemis.password:}") String password) {
        boolean exposed = !acceptorUrl.isBlank() && BrokerLogins.isExposed(acceptorUrl);
        if (exposed && (user.isBlank() || password.isBlank())) {
            throw new IllegalStateException("flashbridge.embedded.artemis.acceptor " + acceptorUrl + " is not a loopback address: "
                    + "set ARTEMIS_USER and ARTEMIS_PASSWORD, or bind it to 127.0.0.1");
        }
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof EmbeddedActiveMQ broker) {
                    broker.setSecurityManager(new BrokerLogins(user, password, exposed));
                }
                return bean;
            }
        };
    }

    @Bean
    ArtemisConfigurationCustomizer tcpAcceptor(@Value("${flashbridge.embedded.artemis.acceptor:}") String acceptorUrl,
                                               @Value("${flashbridge.jms.instructions}") String instructions,
                                               @Value("${flashbridge.jms.dead-letters}") String deadLetters,
                                               @Value("${flashbridge.queues.payouts}") String payouts) {
        return configuration -> {
            configuration.setSecurityEnabled(true);
            configuration.setGlobalMaxSize(BROKER_MEMORY);
            configuration.addAddressSetting("#", queueSettings());
            configuration.addAddressSetting(payouts, queueSettings().setPageSizeBytes(PAYOUT_QUEUE_PAGE_SIZE));
            // Core banking's instructions outlast a ledger outage of about 15 minutes (redelivered with
            // a growing delay) before they go to flashbridge.dlq, where unreadable ones go at once.
            configuration.addAddressSetting(instructions, new AddressSettings()
                    .setMaxSizeBytes(QUEUE_MEMORY)
                    .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
                    .setMaxDeliveryAttempts(INSTRUCTION_DELIVERY_ATTEMPTS)
                    .setRedeliveryDelay(REDELIVERY_DELAY_MS)
                    .setRedeliveryMultiplier(2)
                    .setMaxRedeliveryDelay(60_000)
                    .setDeadLetterAddress(SimpleString.of(deadLetters)));
            configuration.addQueueConfiguration(QueueConfiguration.of(deadLetters).setRoutingType(RoutingType.ANYCAST));
            if (!acceptorUrl.isBlank()) {
                try {
                    configuration.addAcceptorConfiguration("tcp", acceptorUrl);
                } catch (Exception e) {
                    throw new IllegalStateException("Invalid flashbridge.embedded.artemis.acceptor " + acceptorUrl, e);
                }
            }
        };
    }

    private static AddressSettings queueSettings() {
        return new AddressSettings()
                .setMaxSizeBytes(QUEUE_MEMORY)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
                // A message that fails every delivery is kept where ops can see it
                // (queue DLQ.<queue>), not dropped as Artemis does without a dead-letter address.
                .setMaxDeliveryAttempts(MAX_DELIVERY_ATTEMPTS)
                .setRedeliveryDelay(REDELIVERY_DELAY_MS)
                // 1, 2, 4, 8, 16 s: a payout whose ledger write failed outlasts a ledger
                // outage of half a minute before it is dead-lettered (and re-queued 15 min later).
                .setRedeliveryMultiplier(2)
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTERS))
                .setAutoCreateDeadLetterResources(true);
    }
}
