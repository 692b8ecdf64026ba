package io.flashbridge.ledger;

import static io.flashbridge.ledger.PayoutStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

/**
 * Webhooks arrive late, twice, or out of order: whatever the order, a payout ends in the status of
 * the newest event of its real lifecycle, and never moves backwards on the way.
 */
class PayoutLifecycleProperties {

    record Event(PayoutStatus status, Instant at) {}

    @Property(tries = 500)
    void endsInTheNewestEventsStatusWhateverTheDeliveryOrder(@ForAll("deliveries") List<Event> delivered) {
        PayoutStatus status = SUBMITTING;
        Instant last = null;
        List<PayoutStatus> seen = new ArrayList<>();
        for (Event event : delivered) {
            if (status.accepts(event.status(), last, event.at())) {
                status = event.status();
                last = event.at();
                seen.add(status);
            }
        }
        Event newest = delivered.stream().max((a, b) -> a.at().compareTo(b.at())).orElseThrow();
        assertThat(status).isEqualTo(newest.status());
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i - 1).canMoveTo(seen.get(i))).as("moved %s -> %s", seen.get(i - 1), seen.get(i)).isTrue();
        }
    }

    @Example
    void neverMovesConfirmedPayoutBackToPending() {
        Instant t = Instant.parse("2026-11-26T10:00:00Z");
        assertThat(CONFIRMED.accepts(PENDING, t, t.plusSeconds(5))).isFalse();
    }

    @Example
    void honoursBankReturnAfterConfirmation() {
        Instant t = Instant.parse("2026-11-26T10:00:00Z");
        assertThat(CONFIRMED.accepts(FAILED, t, t.plusSeconds(60))).isTrue();
        assertThat(FAILED.accepts(REFUNDED, t.plusSeconds(60), t.plusSeconds(61))).isTrue();
    }

    @Example
    void ignoresAStalePendingArrivingAfterFailure() {
        Instant t = Instant.parse("2026-11-26T10:00:00Z");
        assertThat(FAILED.accepts(PENDING, t.plusSeconds(10), t.plusSeconds(5))).isFalse();
        assertThat(FAILED.accepts(PENDING, t.plusSeconds(10), t.plusSeconds(20))).isTrue();
    }

    @Example
    void neverReopensFinalStatuses() {
        for (PayoutStatus target : PayoutStatus.values()) {
            assertThat(REFUNDED.canMoveTo(target)).isFalse();
            assertThat(CANCELLED.canMoveTo(target)).isFalse();
            assertThat(API_REJECTED.canMoveTo(target)).isFalse();
        }
    }

    @Provide
    Arbitrary<List<Event>> deliveries() {
        List<List<PayoutStatus>> lifecycles = List.of(
                List.of(INITIALISED, PENDING, CONFIRMED),
                List.of(INITIALISED, REVIEWING, PENDING, CONFIRMED),
                List.of(INITIALISED, PENDING, CONFIRMED, FAILED, REFUNDED),
                List.of(INITIALISED, PENDING, FAILED, REFUNDED),
                List.of(INITIALISED, REVIEWING, CANCELLED),
                List.of(INITIALISED, CANCELLED));
        return Arbitraries.of(lifecycles).flatMap(lifecycle -> {
            Instant start = Instant.parse("2026-11-26T10:00:00Z");
            List<Event> events = new ArrayList<>();
            for (int i = 0; i < lifecycle.size(); i++) {
                events.add(new Event(lifecycle.get(i), start.plusSeconds(i)));
            }
            // Each event delivered once or twice (Flash retries), in any order.
            return Arbitraries.subsetOf(events).flatMap(repeats -> {
                List<Event> all = new ArrayList<>(events);
                all.addAll(repeats);
                return Arbitraries.shuffle(all);
            });
        });
    }
}
