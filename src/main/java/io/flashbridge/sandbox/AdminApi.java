package io.flashbridge.sandbox;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Function;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the FlashConnect portal does in UAT, as plain HTTP for tests and demos: register the
 * webhook endpoint, send test deposits and inbound payments, act as a compliance analyst or a
 * recipient bank, and inject faults. Sandbox only; there is no such API at Flash.
 */
@RestController
@RequestMapping("/admin")
class AdminApi {

    /** A new client account; {@code ignoreIdempotencyKeys}: this client's Flash creates a new transaction for every request. */
    record NewClient(String email, String password, String companyName, Map<String, BigDecimal> balances,
                     List<String> affiliations, Boolean complianceMember, Boolean ignoreIdempotencyKeys) {}

    record InboundPayment(String client, String fromCurrency, BigDecimal fromAmount, String subClientId) {}

    record Cancellation(String rejectCode, String statusMessage) {}

    private final Accounts accounts;
    private final Withdrawals withdrawals;
    private final Payments payments;
    private final Deposits deposits;
    private final Events events;
    private final WebhookDispatcher dispatcher;
    private final Faults faults;

    private final RequestLog requestLog;
    private final TokenIssuer tokens;

    AdminApi(Accounts accounts, Withdrawals withdrawals, Payments payments, Deposits deposits, Events events,
             WebhookDispatcher dispatcher, Faults faults, RequestLog requestLog, TokenIssuer tokens) {
        this.requestLog = requestLog;
        this.tokens = tokens;
        this.accounts = accounts;
        this.withdrawals = withdrawals;
        this.payments = payments;
        this.deposits = deposits;
        this.events = events;
        this.dispatcher = dispatcher;
        this.faults = faults;
    }

    /** A fresh client account with its own user and balances (isolates tests from each other). */
    @PostMapping("/clients")
    ResponseEntity<Map<String, Object>> createClient(@RequestBody NewClient request) {
        String email = Optional.ofNullable(request.email()).orElse("client-" + UUID.randomUUID() + "@sandbox.local");
        String password = Optional.ofNullable(request.password()).orElse(UUID.randomUUID().toString());
        accounts.add(new SandboxProperties.User(email, password,
                Optional.ofNullable(request.companyName()).orElse("Sandbox Client Pty Ltd"),
                Optional.ofNullable(request.affiliations()).orElse(List.of("FP_AUS")),
                Optional.ofNullable(request.balances()).orElse(Accounts.defaultOpeningBalances()),
                !Boolean.FALSE.equals(request.complianceMember())));
        if (Boolean.TRUE.equals(request.ignoreIdempotencyKeys())) {
            accounts.find(email).ifPresent(account -> account.idempotencyKeys.ignoreAll());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("email", email, "password", password));
    }

    /** FlashConnect webhook settings: the regular endpoint, its secret and the subscribed events (empty = all). */
    @PutMapping("/webhook")
    Map<String, Object> registerWebhook(@RequestParam(required = false) String client,
                                        @RequestBody SandboxProperties.Webhook endpoint) {
        accounts.resolve(client).registerWebhook(endpoint);
        return Map.of("url", endpoint.url(), "events", endpoint.events() == null ? List.of() : endpoint.events());
    }

    @PostMapping("/webhook/test")
    ResponseEntity<Void> sendTestWebhook(@RequestParam(required = false) String client) {
        events.test(accounts.resolve(client));
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/webhook/deliveries")
    List<WebhookDispatcher.Attempt> deliveries() {
        return dispatcher.attempts();
    }

    @PostMapping("/deposits")
    ResponseEntity<Map<String, Object>> sendTestDeposit(@RequestBody Deposits.TestDeposit request) {
        Deposit deposit = deposits.receive(accounts.resolve(request.client()), request);
        return ResponseEntity.status(HttpStatus.CREATED).body(deposit.view());
    }

    @PostMapping("/deposits/{id}/reject")
    ResponseEntity<Map<String, Object>> rejectDeposit(@PathVariable String id) {
        return act(id, account -> account.deposits.get(id), deposits::reject);
    }

    @PostMapping("/inbound-payments")
    ResponseEntity<Map<String, Object>> sendTestInboundPayment(@RequestBody InboundPayment request) {
        Payment payment = payments.receive(accounts.resolve(request.client()),
                Optional.ofNullable(request.fromCurrency()).orElse("EUR"), request.fromAmount(), request.subClientId());
        return ResponseEntity.status(HttpStatus.CREATED).body(payment.view());
    }

    @PostMapping("/withdrawals/{id}/approve")
    ResponseEntity<Map<String, Object>> approveWithdrawal(@PathVariable String id) {
        return act(id, account -> account.withdrawals.get(id), withdrawals::approve);
    }

    @PostMapping("/withdrawals/{id}/cancel")
    ResponseEntity<Map<String, Object>> cancelWithdrawal(@PathVariable String id,
                                                         @RequestBody(required = false) Cancellation request) {
        String code = request == null || request.rejectCode() == null ? "COMPLIANCE_DECLINED" : request.rejectCode();
        String message = request == null || request.statusMessage() == null ? "Cancelled by Flash" : request.statusMessage();
        return act(id, account -> account.withdrawals.get(id), (account, w) -> withdrawals.cancel(account, w, code, message));
    }

    @PostMapping("/withdrawals/{id}/return")
    ResponseEntity<Map<String, Object>> returnWithdrawal(@PathVariable String id) {
        return act(id, account -> account.withdrawals.get(id), withdrawals::bankReturn);
    }

    @PostMapping("/payments/{id}/fail")
    ResponseEntity<Map<String, Object>> failPayment(@PathVariable String id) {
        return act(id, account -> account.payments.get(id), payments::fail);
    }

    @PostMapping("/payments/{id}/cancel")
    ResponseEntity<Map<String, Object>> cancelPayment(@PathVariable String id) {
        return act(id, account -> account.payments.get(id), payments::cancel);
    }

    /** The GraphQL requests the sandbox received for {@code client} (all clients without it), oldest first. */
    @GetMapping("/requests")
    List<RequestLog.Request> requests(@RequestParam(required = false) String client) {
        return requestLog.of(client);
    }

    /** FlashConnect's "revoke sessions": every token the client holds stops working at once. */
    @PostMapping("/clients/{email}/revoke-tokens")
    ResponseEntity<Void> revokeTokens(@PathVariable String email) {
        tokens.revokeAll(email);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/faults")
    ResponseEntity<Void> injectFault(@RequestBody Faults.Fault fault) {
        faults.inject(fault);
        return ResponseEntity.accepted().build();
    }

    @DeleteMapping("/faults")
    ResponseEntity<Void> clearFaults() {
        faults.clear();
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler({IllegalArgumentException.class, BadUserInputException.class, BusinessFailure.class})
    ResponseEntity<Map<String, Object>> refused(RuntimeException e) {
        return ResponseEntity.badRequest().body(Map.of("message", e.getMessage()));
    }

    /** Finds the transaction in whichever account holds it and applies an admin action: 404, 409 or 200. */
    private <T extends Transaction> ResponseEntity<Map<String, Object>> act(
            String id, Function<ClientAccount, T> lookup, BiPredicate<ClientAccount, T> action) {
        for (ClientAccount account : accounts.all()) {
            T transaction = lookup.apply(account);
            if (transaction != null) {
                return action.test(account, transaction)
                        ? ResponseEntity.ok(transaction.view())
                        : ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of(
                                "message", "Not allowed from status " + transaction.view().get("status")));
            }
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", "No transaction " + id));
    }
}
