package io.flashbridge.sandbox;

import static io.flashbridge.sandbox.Steps.step;
import static io.flashbridge.sandbox.Withdrawal.Status.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * {@code createWithdrawal} and the withdrawal lifecycle: debit amount + fee at creation,
 * scripted progress per UAT keyword, amount (not fee) back on {@code REFUNDED} or
 * {@code CANCELLED}, a webhook for every change.
 */
@Component
class Withdrawals {

    static final String DECLINED_MESSAGE = "Declined by AML screening";

    private final SandboxProperties properties;
    private final SimulationClock clock;
    private final Events events;
    private final SubClients subClients;

    Withdrawals(SandboxProperties properties, SimulationClock clock, Events events, SubClients subClients) {
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        this.subClients = subClients;
    }

    Map<String, Object> create(ClientAccount account, Map<String, Object> input) {
        BigDecimal amount = validate(input);
        String fingerprint = Fingerprint.of(input);
        String key = (String) input.get("idempotencyKey");
        Withdrawal withdrawal;
        synchronized (account) {
            Optional<String> replayed = account.idempotencyKeys.replay("createWithdrawal", key, fingerprint);
            if (replayed.isPresent()) {
                return created(account.withdrawals.get(replayed.get()));
            }
            withdrawal = new Withdrawal(account.email(), input, amount, properties.fees().withdrawal(),
                    sender(account, input), recipient(account, input), subClients.resolve(input.get("subClientId")),
                    clock.now());
            account.balances.debit(withdrawal.currency(), amount, properties.fees().withdrawal(), withdrawal.id(), "WITHDRAWAL");
            account.withdrawals.put(withdrawal.id(), withdrawal);
            account.idempotencyKeys.remember("createWithdrawal", key, fingerprint, withdrawal.id());
        }
        events.withdrawal(account, withdrawal, "withdrawal_initiated");
        startScript(account, withdrawal);
        return created(withdrawal);
    }

    private static Map<String, Object> created(Withdrawal withdrawal) {
        return Reply.ok("SUCCESS", "Withdrawal was created", "withdrawal", withdrawal.view());
    }

    private BigDecimal validate(Map<String, Object> input) {
        InputRules.noPlaceholders("input", input);
        InputRules.asciiWhereRequired("input", input);
        BigDecimal amount = InputRules.amount("input.amount", (BigDecimal) input.get("amount"));
        if (input.get("recipient") == null && input.get("recipientId") == null) {
            throw new BadUserInputException("input.recipient", "input.recipient: give recipient or recipientId");
        }
        InputRules.enumLike("input.reason", input.get("reason"));
        if (input.get("recipient") instanceof Map<?, ?> recipient && "AUD".equals(input.get("currency"))) {
            Object type = recipient.get("accountIdType");
            if (!"BSB".equals(type) && !"PAYID".equals(type)) {
                throw new BadUserInputException("input.recipient.accountIdType",
                        "input.recipient.accountIdType: an Australian payout needs BSB or PAYID");
            }
        }
        return amount;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> sender(ClientAccount account, Map<String, Object> input) {
        if (input.get("sender") instanceof Map<?, ?> inline) {
            return Parties.sender("input.sender", (Map<String, Object>) inline, null, today());
        }
        if (input.get("senderId") != null) {
            return Optional.ofNullable(account.senders.get(input.get("senderId").toString()))
                    .orElseThrow(() -> new BusinessFailure(BusinessFailure.NOT_FOUND, "Sender " + input.get("senderId") + " not found"));
        }
        return Map.of("companyName", account.user.companyName());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> recipient(ClientAccount account, Map<String, Object> input) {
        if (input.get("recipient") instanceof Map<?, ?> inline) {
            return Parties.recipient("input.recipient", (Map<String, Object>) inline, null, today());
        }
        return Optional.ofNullable(account.recipients.get(input.get("recipientId").toString()))
                .orElseThrow(() -> new BusinessFailure(BusinessFailure.NOT_FOUND, "Recipient " + input.get("recipientId") + " not found"));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.now(), ZoneOffset.UTC);
    }

    private void startScript(ClientAccount account, Withdrawal w) {
        SandboxProperties.Steps delays = properties.steps();
        List<Steps.Step> script = switch (WithdrawalOutcome.of(w.externalReference())) {
            case STRAIGHT_THROUGH -> List.of(
                    step(delays.sending(), () -> pending(account, w)),
                    step(delays.settlement(), () -> confirm(account, w)));
            case FAIL_AML -> List.of(
                    step(delays.compliance(), () -> cancel(account, w, "COMPLIANCE_DECLINED", DECLINED_MESSAGE)));
            case HALT_AML -> List.of(
                    step(delays.compliance(), () -> review(account, w)));
            case SEND_RFI -> account.user.complianceMember()
                    ? List.of(step(delays.compliance(), () -> review(account, w) && raiseRfi(account, w)))
                    : List.of(step(delays.compliance(), () -> cancel(account, w, "COMPLIANCE_DECLINED", DECLINED_MESSAGE)));
            case PUSH_AML -> List.of(
                    step(delays.compliance(), () -> review(account, w)),
                    step(delays.compliance(), () -> pending(account, w)),
                    step(delays.settlement(), () -> confirm(account, w)));
            case FAIL_ACC -> List.of(
                    step(delays.sending(), () -> pending(account, w)),
                    step(delays.settlement(), () -> confirm(account, w)),
                    step(delays.bankReturn(), () -> fail(account, w)),
                    step(delays.bankReturn(), () -> refund(account, w)));
        };
        Steps.run(clock, script);
    }

    // ---- transitions, also used by the admin API ----

    boolean review(ClientAccount account, Withdrawal w) {
        return move(account, w, REVIEWING, "Awaiting manual compliance", "withdrawal_reviewing");
    }

    boolean pending(ClientAccount account, Withdrawal w) {
        return move(account, w, PENDING, "Sent to recipient bank", "withdrawal_pending");
    }

    boolean confirm(ClientAccount account, Withdrawal w) {
        return move(account, w, CONFIRMED, "Transaction Confirmed", "withdrawal_completed");
    }

    boolean fail(ClientAccount account, Withdrawal w) {
        return move(account, w, FAILED, "Returned by recipient bank", "withdrawal_failed");
    }

    boolean refund(ClientAccount account, Withdrawal w) {
        if (!move(account, w, REFUNDED, "No account or incorrect account number", null)) {
            return false;
        }
        account.balances.credit(w.currency(), w.amount(), w.id(), "WITHDRAWAL_REFUND");
        events.withdrawal(account, w, "withdrawal_refunded");
        return true;
    }

    boolean cancel(ClientAccount account, Withdrawal w, String rejectCode, String message) {
        if (!w.cancel(rejectCode, message, clock.now())) {
            return false;
        }
        account.balances.credit(w.currency(), w.amount(), w.id(), "WITHDRAWAL_CANCEL");
        events.withdrawal(account, w, "withdrawal_cancelled");
        return true;
    }

    /** Admin: an analyst releases a held withdrawal, which then settles. */
    boolean approve(ClientAccount account, Withdrawal w) {
        if (!pending(account, w)) {
            return false;
        }
        Steps.run(clock, List.of(step(properties.steps().settlement(), () -> confirm(account, w))));
        return true;
    }

    /** Admin: the recipient bank returns a confirmed payout; it fails and is refunded. */
    boolean bankReturn(ClientAccount account, Withdrawal w) {
        if (!fail(account, w)) {
            return false;
        }
        Steps.run(clock, List.of(step(properties.steps().bankReturn(), () -> refund(account, w))));
        return true;
    }

    private boolean raiseRfi(ClientAccount account, Withdrawal w) {
        events.rfiCreated(account, Ids.next(), w.id());
        return true;
    }

    private boolean move(ClientAccount account, Withdrawal w, Withdrawal.Status target, String message, String event) {
        if (!w.moveTo(target, message, clock.now())) {
            return false;
        }
        if (event != null) {
            events.withdrawal(account, w, event);
        }
        return true;
    }
}
