package io.flashbridge.ops;

import java.math.BigDecimal;
import java.security.Principal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.flashbridge.flash.FlashClient;
import io.flashbridge.flash.FlashException;
import io.flashbridge.flash.FlashRejectedException;
import io.flashbridge.ledger.Deposit;
import io.flashbridge.ledger.DepositStatus;
import io.flashbridge.ledger.DepositStore;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deposits for ops: one deposit with its audit trail, and the refund of a cleared deposit to its
 * payer ({@code refundDeposit}), by an operator, audited with the user. The status moves when
 * Flash's {@code deposit_refunding} / {@code deposit_refunded} webhooks arrive.
 */
@RestController
@RequestMapping("/ops/deposits")
class DepositRefunds {

    /** What an operator sends: the amount to return (all of it, less Flash's fee, when absent) and why. */
    record RefundRequest(BigDecimal amount, String reason) {}

    private static final int MAX_REASON = 200;

    private final DepositStore deposits;
    private final FlashClient flash;

    DepositRefunds(DepositStore deposits, FlashClient flash) {
        this.deposits = deposits;
        this.flash = flash;
    }

    @GetMapping("/{flashId}")
    ResponseEntity<Map<String, Object>> deposit(@PathVariable String flashId) {
        return deposits.find(flashId).map(deposit -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("deposit", deposit);
            view.put("audit", deposits.audit(flashId));
            return ResponseEntity.ok(view);
        }).orElse(ResponseEntity.notFound().build());
    }

    @PostMapping("/{flashId}/refund")
    ResponseEntity<Map<String, Object>> refund(@PathVariable String flashId, @RequestBody RefundRequest request, Principal user) {
        Deposit deposit = deposits.find(flashId).orElse(null);
        if (deposit == null) {
            return ResponseEntity.status(404).body(Map.of("message", "no deposit " + flashId + " in the ledger"));
        }
        if (deposit.status() != DepositStatus.CONFIRMED) {
            return ResponseEntity.status(409).body(Map.of("message", "deposit " + flashId + " is " + deposit.status()
                    + "; only a CONFIRMED deposit can be refunded"));
        }
        String problem = problem(request, deposit);
        if (problem != null) {
            return ResponseEntity.badRequest().body(Map.of("message", problem));
        }
        Map<String, Object> input = new HashMap<>();
        if (request.amount() != null) {
            input.put("amount", request.amount());
        }
        input.put("reason", request.reason());
        try {
            JsonNode reply = flash.refundDeposit(flashId, input);
            if (!reply.path("success").asBoolean(false)) {
                return refused(reply.path("code").asText(), reply.path("message").asText());
            }
            deposits.recordAction(flashId, "refundDeposit: " + request.reason(), user.getName());
            return ResponseEntity.accepted().body(Map.of("flashId", flashId, "code", reply.path("code").asText(),
                    "message", reply.path("message").asText()));
        } catch (FlashRejectedException rejected) {
            return refused(rejected.code(), rejected.reason());
        } catch (FlashException unavailable) {
            return ResponseEntity.status(503).body(Map.of("message", "Flash did not answer; nothing was refunded: "
                    + unavailable.getMessage()));
        }
    }

    private static String problem(RefundRequest request, Deposit deposit) {
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > MAX_REASON) {
            return "reason is required, at most " + MAX_REASON + " characters";
        }
        BigDecimal amount = request.amount();
        if (amount != null && (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2 || amount.compareTo(deposit.amount()) > 0)) {
            return "amount must be more than 0, with at most 2 decimals, and at most the deposit's " + deposit.amount();
        }
        return null;
    }

    private static ResponseEntity<Map<String, Object>> refused(String code, String message) {
        return ResponseEntity.status(409).body(Map.of("code", code == null ? "" : code, "message", "Flash refused: " + message));
    }
}
