package io.flashbridge.sandbox;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** Everything one Flash client owns: its user, balances, transactions, address book and idempotency keys. */
final class ClientAccount {

    final SandboxProperties.User user;
    final BalanceBook balances;
    final Map<String, Withdrawal> withdrawals = new ConcurrentHashMap<>();
    final Map<String, Payment> payments = new ConcurrentHashMap<>();
    final Map<String, Deposit> deposits = new ConcurrentHashMap<>();
    final Map<String, Map<String, Object>> senders = new ConcurrentHashMap<>();
    final Map<String, Map<String, Object>> recipients = new ConcurrentHashMap<>();
    final IdempotencyKeys idempotencyKeys = new IdempotencyKeys();
    private volatile SandboxProperties.Webhook webhook;

    ClientAccount(SandboxProperties.User user, SandboxProperties.Webhook webhook, SimulationClock clock) {
        this.user = user;
        this.webhook = webhook;
        this.balances = new BalanceBook(user.openingBalances(), clock);
    }

    /** The regular webhook endpoint registered for this client (FlashConnect settings), or null. */
    SandboxProperties.Webhook webhook() {
        return webhook;
    }

    void registerWebhook(SandboxProperties.Webhook endpoint) {
        this.webhook = endpoint;
    }

    String email() {
        return user.email();
    }

    /** Newest first, as Flash's list queries have no documented paging (gap 22). */
    static <T extends Transaction> List<Map<String, Object>> newestFirst(Map<String, T> items, Predicate<T> filter) {
        return items.values().stream()
                .filter(filter)
                .sorted(Comparator.comparing(Transaction::createdAt).reversed())
                .map(Transaction::view)
                .toList();
    }
}
