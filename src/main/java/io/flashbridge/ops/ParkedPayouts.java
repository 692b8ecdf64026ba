package io.flashbridge.ops;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import io.flashbridge.ledger.Instruction;
import io.flashbridge.ledger.InstructionStore;
import io.flashbridge.ledger.PayoutStatus;
import io.flashbridge.ledger.StatusChange;
import io.flashbridge.submit.SubmissionQueue;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What ops need when Flash stayed unreachable: the parked payouts with their last error, and a
 * replay that puts one back on the queue (its idempotency key is unchanged, so a payout Flash did
 * create meanwhile is not created twice).
 */
@RestController
@RequestMapping("/ops/payouts")
class ParkedPayouts {

    private final InstructionStore instructions;
    private final SubmissionQueue queue;

    ParkedPayouts(InstructionStore instructions, SubmissionQueue queue) {
        this.instructions = instructions;
        this.queue = queue;
    }

    @GetMapping("/parked")
    List<Map<String, Object>> parked() {
        return instructions.withStatus(PayoutStatus.PARKED, 1_000).stream().map(ParkedPayouts::view).toList();
    }

    @GetMapping("/{id}")
    ResponseEntity<Map<String, Object>> payout(@PathVariable long id) {
        return instructions.find(id)
                .map(instruction -> {
                    Map<String, Object> view = new java.util.LinkedHashMap<>(view(instruction));
                    view.put("audit", instructions.audit(id));
                    return ResponseEntity.ok(view);
                })
                .orElse(ResponseEntity.notFound().build());
    }

    @PostMapping("/{id}/replay")
    ResponseEntity<Map<String, Object>> replay(@PathVariable long id, Principal user) throws Exception {
        if (!instructions.transition(id, StatusChange.byOperator(PayoutStatus.RECEIVED, "replayed by " + user.getName(),
                user.getName()))) {
            return ResponseEntity.status(409).body(Map.of("message", "payout " + id + " is not PARKED"));
        }
        queue.enqueue(List.of(id));
        return ResponseEntity.accepted().body(Map.of("id", id, "status", "RECEIVED"));
    }

    private static Map<String, Object> view(Instruction i) {
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("id", i.id());
        view.put("paymentId", i.paymentId());
        view.put("amount", i.amount());
        view.put("currency", i.currency());
        view.put("status", i.status());
        view.put("attempts", i.attempts());
        view.put("lastError", i.lastError());
        view.put("flashId", i.flashId());
        view.put("updatedAt", i.updatedAt());
        return view;
    }
}
