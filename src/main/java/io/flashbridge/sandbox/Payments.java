package io.flashbridge.sandbox;

import static io.flashbridge.sandbox.Steps.step;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * {@code createPayment} and the FX payment lifecycle: {@code OPEN} (source amount + fee debited)
 * → {@code currency_converted} → {@code payment_complete} ({@code CLOSED}). The simulator-only
 * keywords {@code FAIL_PAYMENT} and {@code CANCEL_PAYMENT} in {@code externalReference} make it
 * fail after conversion or be cancelled before it; either way the source amount comes back.
 */
@Component
class Payments {

    private final SandboxProperties properties;
    private final SimulationClock clock;
    private final Events events;
    private final SubClients subClients;

    Payments(SandboxProperties properties, SimulationClock clock, Events events, SubClients subClients) {
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        this.subClients = subClients;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> create(ClientAccount account, Map<String, Object> input) {
        InputRules.noPlaceholders("input", input);
        InputRules.asciiWhereRequired("input", input);
        BigDecimal size = InputRules.amount("input.size", (BigDecimal) input.get("size"));
        InputRules.enumLike("input.reason", input.get("reason"));
        InputRules.enumLike("input.sourceOfFunds", input.get("sourceOfFunds"));
        if (input.get("recipient") == null && input.get("recipientId") == null) {
            throw new BadUserInputException("input.recipient", "input.recipient: give recipient or recipientId");
        }
        LocalDate today = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC);
        Map<String, Object> recipient = input.get("recipient") instanceof Map<?, ?> inline
                ? Parties.recipient("input.recipient", (Map<String, Object>) inline, null, today)
                : null;
        Map<String, Object> sender = input.get("sender") instanceof Map<?, ?> inline
                ? Parties.sender("input.sender", (Map<String, Object>) inline, null, today)
                : null;
        Payment.Legs legs = legs(input, size);
        String fingerprint = Fingerprint.of(input);
        String key = (String) input.get("idempotencyKey");
        Payment payment;
        synchronized (account) {
            Optional<String> replayed = account.idempotencyKeys.replay("createPayment", key, fingerprint);
            if (replayed.isPresent()) {
                return created(account.payments.get(replayed.get()));
            }
            if (recipient == null) {
                recipient = Optional.ofNullable(account.recipients.get(input.get("recipientId").toString()))
                        .orElseThrow(() -> new BusinessFailure(BusinessFailure.NOT_FOUND, "Recipient " + input.get("recipientId") + " not found"));
            }
            if (sender == null && input.get("senderId") != null) {
                sender = Optional.ofNullable(account.senders.get(input.get("senderId").toString()))
                        .orElseThrow(() -> new BusinessFailure(BusinessFailure.NOT_FOUND, "Sender " + input.get("senderId") + " not found"));
            }
            payment = new Payment(input, legs, properties.fees().payment(), sender, recipient,
                    subClients.resolve(input.get("subClientId")), clock.now());
            account.balances.debit(legs.fromCurrency(), legs.fromAmount(), properties.fees().payment(), payment.id(), "PAYMENT");
            account.payments.put(payment.id(), payment);
            account.idempotencyKeys.remember("createPayment", key, fingerprint, payment.id());
        }
        startScript(account, payment);
        return created(payment);
    }

    /** An inbound auto-receive payment (FlashConnect "Send Test Inbound Payment"): foreign money converted to AUD. */
    Payment receive(ClientAccount account, String fromCurrency, BigDecimal fromAmount, Object subClientId) {
        BigDecimal rate = rate(fromCurrency, "AUD");
        Payment.Legs legs = new Payment.Legs(fromCurrency, BalanceBook.money(fromAmount), "AUD",
                BalanceBook.money(fromAmount.multiply(rate)), rate);
        Payment payment = new Payment(Map.of("size", legs.fromAmount(), "currency", fromCurrency), legs,
                BigDecimal.ZERO.setScale(2), null, null, subClients.resolve(subClientId), clock.now());
        account.payments.put(payment.id(), payment);
        events.payment(account, payment, "payment_created");
        Steps.run(clock, List.of(step(properties.steps().settlement(), () -> {
            if (!payment.moveTo(Payment.Status.CLOSED, "Payment complete", clock.now())) {
                return false;
            }
            account.balances.credit("AUD", legs.toAmount(), payment.id(), "INBOUND_PAYMENT");
            events.payment(account, payment, "payment_complete");
            return true;
        })));
        return payment;
    }

    private static Map<String, Object> created(Payment payment) {
        return Reply.ok("SUCCESS", "Scheduled for immediate execution", "payment", payment.view());
    }

    private Payment.Legs legs(Map<String, Object> input, BigDecimal size) {
        String from = (String) input.get("fromCurrency");
        String to = (String) input.get("toCurrency");
        String sizeCurrency = (String) input.getOrDefault("currency", from);
        BigDecimal rate = rate(from, to);
        if (sizeCurrency == null || sizeCurrency.equals(from)) {
            return new Payment.Legs(from, size, to, BalanceBook.money(size.multiply(rate)), rate);
        }
        if (sizeCurrency.equals(to)) {
            return new Payment.Legs(from, BalanceBook.money(size.divide(rate, MathContext.DECIMAL64)), to, size, rate);
        }
        throw new BadUserInputException("input.currency", "input.currency: must be fromCurrency or toCurrency");
    }

    private BigDecimal rate(String from, String to) {
        return perAud(to).divide(perAud(from), 6, RoundingMode.HALF_EVEN);
    }

    private BigDecimal perAud(String currency) {
        if (currency.equals("AUD")) {
            return BigDecimal.ONE;
        }
        BigDecimal rate = properties.fxRates().get(currency);
        if (rate == null) {
            throw new BusinessFailure("CURRENCY_NOT_SUPPORTED", "No delivery to " + currency + " in this sandbox");
        }
        return rate;
    }

    private void startScript(ClientAccount account, Payment payment) {
        SandboxProperties.Steps delays = properties.steps();
        String reference = Optional.ofNullable(payment.externalReference()).orElse("");
        if (reference.contains("CANCEL_PAYMENT")) {
            Steps.run(clock, List.of(step(delays.sending(), () -> cancel(account, payment))));
            return;
        }
        Steps.run(clock, List.of(
                step(delays.sending(), () -> converted(account, payment)),
                step(delays.settlement(), () -> reference.contains("FAIL_PAYMENT")
                        ? fail(account, payment)
                        : complete(account, payment))));
    }

    private boolean converted(ClientAccount account, Payment payment) {
        if (payment.status() != Payment.Status.OPEN) {
            return false;
        }
        payment.log(clock.now(), "Currency converted");
        events.payment(account, payment, "currency_converted");
        return true;
    }

    private boolean complete(ClientAccount account, Payment payment) {
        if (!payment.moveTo(Payment.Status.CLOSED, "Payment complete", clock.now())) {
            return false;
        }
        events.payment(account, payment, "payment_complete");
        return true;
    }

    boolean fail(ClientAccount account, Payment payment) {
        return reverse(account, payment, Payment.Status.FAILED, "Payment failed", "payment_failed");
    }

    boolean cancel(ClientAccount account, Payment payment) {
        return reverse(account, payment, Payment.Status.CANCELLED, "Payment cancelled", "payment_cancelled");
    }

    private boolean reverse(ClientAccount account, Payment payment, Payment.Status target, String message, String event) {
        if (!payment.moveTo(target, message, clock.now())) {
            return false;
        }
        Payment.Legs legs = payment.legs();
        account.balances.credit(legs.fromCurrency(), legs.fromAmount(), payment.id(), "PAYMENT_REVERSAL");
        events.payment(account, payment, event);
        return true;
    }
}
