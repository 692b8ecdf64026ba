package io.flashbridge.ops.console;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flashbridge.flash.FlashClient;
import io.flashbridge.instruction.FxPayment;
import io.flashbridge.instruction.Payee;
import io.flashbridge.instruction.PaymentInstruction;
import io.flashbridge.ledger.BatchStore;
import io.flashbridge.ledger.Instruction;
import io.flashbridge.ledger.InstructionStore;
import io.flashbridge.ledger.PayoutStatus;
import io.flashbridge.ledger.StatusChange;
import io.flashbridge.ops.FlashBalances;
import io.flashbridge.routes.RouteFiles;
import io.flashbridge.submit.SubmissionQueue;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's pages; every action (replay, discard) needs the operator role and is recorded with the user. */
@Controller
@RequestMapping("/console")
class ConsoleController {

    private static final List<String> HELD = List.of("REVIEWING", "PENDING", "AWAITING_FUNDS", "OPEN");

    private final ConsoleQueries queries;
    private final InstructionStore instructions;
    private final BatchStore batches;
    private final SubmissionQueue queue;
    private final DeadLetters deadLetters;
    private final OpsActions actions;
    private final RouteFiles routeFiles;
    private final HealthEndpoint health;
    private final FlashClient flash;
    private final FlashBalances balances;
    private final ObjectMapper json;

    ConsoleController(ConsoleQueries queries, InstructionStore instructions, BatchStore batches, SubmissionQueue queue,
                      DeadLetters deadLetters, OpsActions actions, RouteFiles routeFiles, HealthEndpoint health, FlashClient flash,
                      FlashBalances balances, ObjectMapper json) {
        this.queries = queries;
        this.instructions = instructions;
        this.batches = batches;
        this.queue = queue;
        this.deadLetters = deadLetters;
        this.actions = actions;
        this.routeFiles = routeFiles;
        this.health = health;
        this.flash = flash;
        this.balances = balances;
        this.json = json;
    }

    /** Whether the logged-in user may act (replay, discard); viewers only look. */
    @ModelAttribute("operator")
    boolean operator(Authentication user) {
        return user != null && user.getAuthorities().stream().anyMatch(role -> role.getAuthority().equals("ROLE_OPERATOR"));
    }

    @ModelAttribute("user")
    String user(Principal user) {
        return user == null ? null : user.getName();
    }

    @GetMapping("/login")
    String login() {
        return "console/login";
    }

    @GetMapping({"", "/"})
    String home() {
        return "redirect:/console/batches";
    }

    @GetMapping("/batches")
    String batches(@RequestParam(required = false) String file, Model model) {
        model.addAttribute("batches", queries.batches(file));
        model.addAttribute("file", file);
        return "console/batches";
    }

    /** Lines of a batch per page: a file of a million rows is read a page at a time, never whole. */
    static final int BATCH_PAGE_LINES = 500;

    @GetMapping("/batches/{id}")
    String batch(@PathVariable String id, @RequestParam(defaultValue = "0") int from, Model model) {
        List<io.flashbridge.ledger.StatusRow> rows = batches.statusRows(id, from, BATCH_PAGE_LINES + 1);
        model.addAttribute("batch", queries.batch(id).orElse(null));
        model.addAttribute("batchId", id);
        model.addAttribute("rows", rows.subList(0, Math.min(rows.size(), BATCH_PAGE_LINES)));
        model.addAttribute("nextFrom", rows.size() > BATCH_PAGE_LINES ? rows.get(BATCH_PAGE_LINES).lineNumber() : null);
        model.addAttribute("from", from);
        return "console/batch";
    }

    @GetMapping("/instructions")
    String instructions(@RequestParam(required = false) String paymentId, @RequestParam(required = false) String flashId,
                        @RequestParam(required = false) String status,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
        model.addAttribute("instructions", queries.instructions(paymentId, flashId, status, date));
        model.addAttribute("paymentId", paymentId);
        model.addAttribute("flashId", flashId);
        model.addAttribute("status", status);
        model.addAttribute("date", date);
        model.addAttribute("statuses", PayoutStatus.values());
        return "console/instructions";
    }

    @GetMapping("/instructions/{id}")
    String instruction(@PathVariable long id, Model model) {
        Instruction instruction = instructions.find(id).orElse(null);
        model.addAttribute("instruction", instruction);
        model.addAttribute("details", instruction == null ? Map.of() : details(instruction));
        model.addAttribute("audit", instruction == null ? List.of() : instructions.audit(id));
        return "console/instruction";
    }

    @GetMapping("/held")
    String held(Model model) {
        model.addAttribute("held", queries.withStatuses(HELD));
        return "console/held";
    }

    @GetMapping("/parked")
    String parked(Model model) {
        model.addAttribute("parked", queries.withStatuses(List.of("PARKED")));
        return "console/parked";
    }

    @PostMapping("/parked/{id}/replay")
    String replay(@PathVariable long id, Principal user, RedirectAttributes redirect) throws Exception {
        if (instructions.transition(id, StatusChange.byOperator(PayoutStatus.RECEIVED, "replayed by " + user.getName() + " (console)",
                user.getName()))) {
            queue.enqueue(List.of(id));
            actions.record(user.getName(), "instruction-replayed", "instruction " + id, "parked instruction sent again");
            redirect.addFlashAttribute("message", "Instruction " + id + " replayed: it is sent to Flash again.");
        } else {
            redirect.addFlashAttribute("message", "Instruction " + id + " is no longer parked; nothing done.");
        }
        return "redirect:/console/parked";
    }

    @GetMapping("/dead-letters")
    String deadLetters(Model model) {
        model.addAttribute("letters", deadLetters.list());
        return "console/dead-letters";
    }

    @PostMapping("/dead-letters/{messageId}/replay")
    String replayDeadLetter(@PathVariable String messageId, Principal user, RedirectAttributes redirect) throws Exception {
        redirect.addFlashAttribute("message", deadLetters.replay(messageId, user.getName())
                ? "Message replayed: it is on the instruction queue again and gets its own reply."
                : "That message is no longer on the dead-letter queue.");
        return "redirect:/console/dead-letters";
    }

    @PostMapping("/dead-letters/{messageId}/discard")
    String discardDeadLetter(@PathVariable String messageId, Principal user, RedirectAttributes redirect) throws Exception {
        redirect.addFlashAttribute("message", deadLetters.discard(messageId, user.getName())
                ? "Message discarded." : "That message is no longer on the dead-letter queue.");
        return "redirect:/console/dead-letters";
    }

    @GetMapping("/deposits")
    String deposits(@RequestParam(required = false) String reference, @RequestParam(required = false) BigDecimal amount,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
        model.addAttribute("deposits", queries.deposits(reference, amount, date));
        model.addAttribute("reference", reference);
        model.addAttribute("amount", amount);
        model.addAttribute("date", date);
        return "console/deposits";
    }

    @GetMapping("/routes")
    String routes(Model model) {
        model.addAttribute("refused", routeFiles.refusedEdits());
        model.addAttribute("files", routeFiles.runningFiles());
        return "console/routes";
    }

    @GetMapping("/health")
    String health(Model model) {
        Map<String, String> components = new LinkedHashMap<>();
        HealthComponent overall = health.health();
        if (overall instanceof CompositeHealth composite) {
            composite.getComponents().forEach((name, component) -> components.put(name, component.getStatus().getCode()));
        }
        model.addAttribute("overall", overall.getStatus().getCode());
        model.addAttribute("components", components);
        Instant now = Instant.now();
        model.addAttribute("lastFlashCall", flash.lastSuccessfulCall().map(at -> at + " (" + age(now, at) + " ago)").orElse("none yet"));
        model.addAttribute("tokenAge", flash.tokenIssuedAt().map(at -> age(now, at)).orElse("no token"));
        model.addAttribute("balances", balances.lastKnown());
        model.addAttribute("actions", actions.latest(20));
        return "console/health";
    }

    /** What the console may show of an instruction's payload: the payee with its account masked. */
    private Map<String, Object> details(Instruction instruction) {
        Map<String, Object> details = new LinkedHashMap<>();
        try {
            if (instruction.isFxPayment()) {
                FxPayment payment = json.readValue(instruction.payload(), FxPayment.class);
                details.put("From", payment.fromCurrency() + " to " + payment.toCurrency() + " (amount in " + payment.amountCurrency() + ")");
                details.put("Recipient", payment.recipient().name() + ", " + payment.recipient().maskedAccount() + ", "
                        + payment.recipient().country() + " (" + payment.recipient().externalId() + ")");
                details.put("Sender", payment.sender() == null ? "the company" : payment.sender().name() + " (" + payment.sender().externalId() + ")");
                details.put("Reference", payment.reference());
            } else {
                PaymentInstruction payout = json.readValue(instruction.payload(), PaymentInstruction.class);
                details.put("Payee", payout.payee().accountName() + ", " + (payout.payee() instanceof Payee.BankAccount account
                        ? "BSB " + account.bsb() + " account " + account.masked()
                        : "PayID (" + ((Payee.PayId) payout.payee()).payIdType() + ")"));
                details.put("Reference", payout.reference());
                details.put("Remitter", payout.remitterName());
            }
        } catch (java.io.IOException unreadable) {
            details.put("Payload", "unreadable");
        }
        return details;
    }

    private static String age(Instant now, Instant at) {
        Duration age = Duration.between(at, now);
        return age.toMinutes() > 0 ? age.toMinutes() + " min" : age.toSeconds() + " s";
    }
}
