package io.flashbridge.sandbox;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/** The client accounts of the sandbox, one per configured user plus any created through the admin API. */
@Component
class Accounts {

    private final Map<String, ClientAccount> byEmail = new ConcurrentHashMap<>();
    private final List<String> order = new ArrayList<>();
    private final SimulationClock clock;
    private final SandboxProperties properties;

    Accounts(SandboxProperties properties, SimulationClock clock) {
        this.clock = clock;
        this.properties = properties;
        properties.users().forEach(this::add);
    }

    synchronized ClientAccount add(SandboxProperties.User user) {
        ClientAccount account = new ClientAccount(user, properties.webhook(), clock);
        if (byEmail.putIfAbsent(user.email().toLowerCase(), account) != null) {
            throw new IllegalArgumentException("User " + user.email() + " already exists");
        }
        order.add(user.email().toLowerCase());
        return account;
    }

    List<ClientAccount> all() {
        return List.copyOf(byEmail.values());
    }

    Optional<ClientAccount> find(String email) {
        return email == null ? Optional.empty() : Optional.ofNullable(byEmail.get(email.toLowerCase()));
    }

    /** The account named by e-mail, or the first configured one when none is named (admin API). */
    synchronized ClientAccount resolve(String email) {
        if (email == null || email.isBlank()) {
            return byEmail.get(order.get(0));
        }
        return find(email).orElseThrow(() -> new IllegalArgumentException("No sandbox user " + email));
    }

    static Map<String, BigDecimal> defaultOpeningBalances() {
        return Map.of("AUD", new BigDecimal("1000000.00"));
    }
}
