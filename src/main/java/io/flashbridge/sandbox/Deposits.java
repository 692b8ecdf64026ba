package io.flashbridge.sandbox;

import static io.flashbridge.sandbox.Steps.step;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Deposits into the client's (or a sub-client's) virtual account and their refunds. Booking
 * follows gap 10: the amount is {@code pending} until cleared, then {@code cleared} minus the
 * fee; a refund takes the refunded amount from {@code cleared}.
 */
@Component
class Deposits {

    /** What the admin API's "send test deposit" takes. */
    record TestDeposit(String client, BigDecimal amount, String currency, String externalReference,
                       String payerName, String payerBsb, String payerAccountNo, String subClientId, boolean review,
                       boolean hold) {}

    static final String VAN_BSB = "802985";
    static final String VAN_ACCOUNT = "123456789";

    private final SandboxProperties properties;
    private final SimulationClock clock;
    private final Events events;
    private final SubClients subClients;

    Deposits(SandboxProperties properties, SimulationClock clock, Events events, SubClients subClients) {
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        this.subClients = subClients;
    }

    Deposit receive(ClientAccount account, TestDeposit request) {
        BigDecimal amount = InputRules.amount("amount", request.amount());
        String currency = request.currency() == null ? "AUD" : request.currency();
        Map<String, Object> subClient = subClients.resolve(request.subClientId());
        Map<String, Object> sender = new LinkedHashMap<>();
        sender.put("accountName", request.payerName() == null ? "Test Payer" : request.payerName());
        sender.put("companyName", null);
        sender.put("bankName", "Sandbox Bank");
        sender.put("bankCountry", "AU");
        sender.put("bsb", request.payerBsb() == null ? "062000" : request.payerBsb());
        sender.put("accountNo", request.payerAccountNo() == null ? "12345678" : request.payerAccountNo());
        Map<String, Object> recipient = new LinkedHashMap<>();
        recipient.put("accountName", subClient != null ? subClient.get("fullName") : account.user.companyName());
        recipient.put("accountNo", subClient != null ? subClient.get("accountNo") : VAN_ACCOUNT);
        recipient.put("bsb", subClient != null ? subClient.get("bsb") : VAN_BSB);
        Deposit deposit = new Deposit(amount, properties.fees().deposit(), currency, request.externalReference(),
                sender, recipient, subClient, clock.now());
        account.balances.addPending(currency, amount);
        account.deposits.put(deposit.id(), deposit);
        events.deposit(account, deposit, "deposit_initiated");
        SandboxProperties.Steps delays = properties.steps();
        if (request.hold()) {
            // Held in compliance review until an analyst rejects it (admin reject).
            Steps.run(clock, List.of(step(delays.sending(),
                    () -> move(account, deposit, Deposit.Status.REVIEWING, "Awaiting manual compliance", "deposit_reviewing"))));
        } else if (request.review()) {
            Steps.run(clock, List.of(
                    step(delays.sending(), () -> move(account, deposit, Deposit.Status.REVIEWING, "Awaiting manual compliance", "deposit_reviewing")),
                    step(delays.compliance(), () -> clear(account, deposit))));
        } else {
            Steps.run(clock, List.of(step(delays.sending(), () -> clear(account, deposit))));
        }
        return deposit;
    }

    /** {@code refundDeposit}: only a confirmed deposit; without an amount, everything but the fee goes back (gap 28). */
    Map<String, Object> refund(ClientAccount account, String id, Map<String, Object> input) {
        Deposit deposit = account.deposits.get(id);
        if (deposit == null) {
            throw new BusinessFailure(BusinessFailure.NOT_FOUND, "Deposit " + id + " not found");
        }
        BigDecimal refundable = deposit.amount().subtract(deposit.fee());
        BigDecimal amount = input == null || input.get("amount") == null
                ? refundable
                : InputRules.amount("input.amount", (BigDecimal) input.get("amount"));
        if (amount.compareTo(refundable) > 0) {
            throw new BusinessFailure("REFUND_EXCEEDS_DEPOSIT",
                    "At most " + refundable.toPlainString() + " " + deposit.currency() + " can be refunded");
        }
        String reason = input == null ? null : (String) input.get("reason");
        synchronized (deposit) {
            if (deposit.status() != Deposit.Status.CONFIRMED) {
                throw new BusinessFailure(BusinessFailure.INVALID_STATUS,
                        "Deposit " + id + " is " + deposit.status() + "; only CONFIRMED deposits can be refunded");
            }
            account.balances.debit(deposit.currency(), amount, BigDecimal.ZERO, deposit.id(), "DEPOSIT_REFUND");
            deposit.startRefund(amount, reason, clock.now());
        }
        events.deposit(account, deposit, "deposit_refunding");
        Steps.run(clock, List.of(step(properties.steps().sending(),
                () -> move(account, deposit, Deposit.Status.REFUNDED, "Deposit refunded", "deposit_refunded"))));
        return Reply.ok("REFUND_SENT", "Refund initiated successfully", null, null);
    }

    /** Admin: FlashConnect's "reject deposit"; the money goes back to the payer. */
    boolean reject(ClientAccount account, Deposit deposit) {
        Deposit.Status before = deposit.status();
        if (!deposit.startRefund(deposit.amount(), "Rejected by client", clock.now())) {
            return false;
        }
        if (before == Deposit.Status.REVIEWING) {
            account.balances.addPending(deposit.currency(), deposit.amount().negate());
        } else {
            account.balances.debit(deposit.currency(), deposit.amount().subtract(deposit.fee()), BigDecimal.ZERO,
                    deposit.id(), "DEPOSIT_REJECT");
        }
        events.deposit(account, deposit, "deposit_refunding");
        Steps.run(clock, List.of(step(properties.steps().sending(),
                () -> move(account, deposit, Deposit.Status.REFUNDED, "Deposit refunded", "deposit_refunded"))));
        return true;
    }

    private boolean clear(ClientAccount account, Deposit deposit) {
        if (!deposit.moveTo(Deposit.Status.CONFIRMED, "Deposit cleared", clock.now())) {
            return false;
        }
        account.balances.addPending(deposit.currency(), deposit.amount().negate());
        account.balances.credit(deposit.currency(), deposit.amount().subtract(deposit.fee()), deposit.id(), "DEPOSIT");
        events.deposit(account, deposit, "deposit_cleared");
        return true;
    }

    private boolean move(ClientAccount account, Deposit deposit, Deposit.Status target, String message, String event) {
        if (!deposit.moveTo(target, message, clock.now())) {
            return false;
        }
        events.deposit(account, deposit, event);
        return true;
    }
}
