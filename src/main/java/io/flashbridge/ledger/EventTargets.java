package io.flashbridge.ledger;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which payout a Flash event may move. An event names a withdrawal ({@code id}) and a payment
 * ({@code externalId}); both must point at the same payout, so an event about one payout can never
 * move another. A callback, whose token authorizes one payment id only, must name it.
 */
@Component
public class EventTargets {

    /** Statuses of a payout Flash may already know before the bridge has stored its withdrawal id. */
    private static final Set<PayoutStatus> UNLINKED = EnumSet.of(PayoutStatus.SUBMITTING, PayoutStatus.RECEIVED,
            PayoutStatus.PARKED);

    /** The payout to move, or why the event is refused; neither when the event is about nothing the bridge sent. */
    public record Target(Instruction payout, String refusal) {
        public boolean refused() {
            return refusal != null;
        }
    }

    private final NamedParameterJdbcTemplate jdbc;

    EventTargets(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Resolves an event's target. With {@code mustNameThePayout} (callbacks) an event that does not
     * name a payout of the bridge by its {@code externalId} is refused instead of ignored.
     */
    public Target resolve(String flashId, String externalId, boolean mustNameThePayout) {
        Optional<Instruction> linked = flashId == null ? Optional.empty() : byFlashId(flashId);
        if (linked.isPresent()) {
            Instruction payout = linked.get();
            if (externalId == null && mustNameThePayout) {
                return refuse("the event names no externalId");
            }
            if (externalId != null && !externalId.equals(payout.paymentId())) {
                return refuse("withdrawal " + flashId + " is payout " + payout.paymentId() + ", the event names " + externalId);
            }
            return new Target(payout, null);
        }
        if (externalId == null) {
            return mustNameThePayout ? refuse("the event names no externalId") : new Target(null, null);
        }
        List<Instruction> named = jdbc.query("select " + InstructionStore.COLUMNS + " from instruction where payment_id = :paymentId",
                Map.of("paymentId", externalId), InstructionStore::row);
        Optional<Instruction> unlinked = named.stream()
                .filter(candidate -> candidate.flashId() == null && UNLINKED.contains(candidate.status()))
                .max(Comparator.comparingLong(Instruction::id));
        if (unlinked.isPresent()) {
            return new Target(unlinked.get(), null);
        }
        if (!named.isEmpty() && flashId != null) {
            return refuse("payout " + externalId + " is not withdrawal " + flashId);
        }
        return mustNameThePayout ? refuse("no payout " + externalId + " is waiting for this withdrawal") : new Target(null, null);
    }

    /**
     * As {@link #resolve(String, String, boolean)}, and the instruction must be of the event's kind:
     * a payment event never moves a payout, a withdrawal event never an FX payment.
     */
    public Target resolve(String flashId, String externalId, boolean mustNameThePayout, boolean fxPaymentEvent) {
        Target target = resolve(flashId, externalId, mustNameThePayout);
        if (target.payout() != null && target.payout().isFxPayment() != fxPaymentEvent) {
            return refuse("it is about a " + (fxPaymentEvent ? "payment" : "withdrawal") + ", "
                    + target.payout().paymentId() + " is not");
        }
        return target;
    }

    private Optional<Instruction> byFlashId(String flashId) {
        return jdbc.query("select " + InstructionStore.COLUMNS + " from instruction where flash_id = :flashId",
                Map.of("flashId", flashId), InstructionStore::row).stream().findFirst();
    }

    private static Target refuse(String reason) {
        return new Target(null, reason);
    }
}
