package io.flashbridge.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** A scripted sequence of lifecycle steps: each runs after its delay, and the script stops at the first step that is refused. */
final class Steps {

    record Step(Duration delay, BooleanSupplier action) {}

    private Steps() {}

    static Step step(Duration delay, BooleanSupplier action) {
        return new Step(delay, action);
    }

    static void run(SimulationClock clock, List<Step> steps) {
        if (steps.isEmpty()) {
            return;
        }
        Step first = steps.get(0);
        clock.after(first.delay(), () -> {
            if (first.action().getAsBoolean()) {
                run(clock, steps.subList(1, steps.size()));
            }
        });
    }
}
