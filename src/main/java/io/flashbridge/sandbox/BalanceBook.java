package io.flashbridge.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One client's balances per currency ({@code cleared} is spendable, {@code pending} holds
 * uncleared deposits) and the statement rows of every movement of the cleared balance.
 */
final class BalanceBook {

    record Movement(String id, Instant at, String type, String description, String transactionId,
                    String currency, BigDecimal debit, BigDecimal credit, BigDecimal balance) {}

    private final Map<String, BigDecimal> cleared = new TreeMap<>();
    private final Map<String, BigDecimal> pending = new TreeMap<>();
    private final List<Movement> movements = new ArrayList<>();
    private final SimulationClock clock;

    BalanceBook(Map<String, BigDecimal> opening, SimulationClock clock) {
        this.clock = clock;
        opening.forEach((currency, amount) -> {
            cleared.put(currency, money(amount));
            pending.put(currency, money(BigDecimal.ZERO));
        });
    }

    /** Takes {@code amount + fee} from the cleared balance or fails with {@code INSUFFICIENT_FUNDS}. */
    synchronized void debit(String currency, BigDecimal amount, BigDecimal fee, String transactionId, String type) {
        requireCurrency(currency);
        BigDecimal total = amount.add(fee);
        if (cleared.get(currency).compareTo(total) < 0) {
            throw new BusinessFailure(BusinessFailure.INSUFFICIENT_FUNDS,
                    "Insufficient " + currency + " balance: " + cleared.get(currency).toPlainString()
                            + " available, " + money(total).toPlainString() + " needed");
        }
        move(currency, amount.negate(), transactionId, type);
        if (fee.signum() > 0) {
            move(currency, fee.negate(), transactionId, type + "_FEE");
        }
    }

    synchronized void credit(String currency, BigDecimal amount, String transactionId, String type) {
        requireCurrency(currency);
        move(currency, amount, transactionId, type);
    }

    synchronized void addPending(String currency, BigDecimal amount) {
        requireCurrency(currency);
        pending.merge(currency, amount, BigDecimal::add);
    }

    synchronized List<Map<String, Object>> balances(List<String> currencies) {
        List<Map<String, Object>> result = new ArrayList<>();
        cleared.forEach((currency, amount) -> {
            if (currencies == null || currencies.isEmpty() || currencies.contains(currency)) {
                Map<String, Object> balance = new LinkedHashMap<>();
                balance.put("currency", currency);
                balance.put("cleared", amount);
                balance.put("pending", pending.get(currency));
                result.add(balance);
            }
        });
        return result;
    }

    synchronized List<Movement> movements(String currency, Instant from, Instant to) {
        return movements.stream()
                .filter(m -> m.currency().equals(currency) && !m.at().isBefore(from) && m.at().isBefore(to))
                .toList();
    }

    private void move(String currency, BigDecimal signedAmount, String transactionId, String type) {
        BigDecimal after = money(cleared.get(currency).add(signedAmount));
        cleared.put(currency, after);
        BigDecimal debit = signedAmount.signum() < 0 ? money(signedAmount.negate()) : money(BigDecimal.ZERO);
        BigDecimal credit = signedAmount.signum() > 0 ? money(signedAmount) : money(BigDecimal.ZERO);
        movements.add(new Movement(Ids.next(), clock.now(), type, type.replace('_', ' ').toLowerCase(),
                transactionId, currency, debit, credit, after));
    }

    private void requireCurrency(String currency) {
        if (!cleared.containsKey(currency)) {
            throw new BusinessFailure(BusinessFailure.CURRENCY_NOT_ENABLED,
                    "Currency " + currency + " is not enabled for this account");
        }
        pending.putIfAbsent(currency, money(BigDecimal.ZERO));
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}
