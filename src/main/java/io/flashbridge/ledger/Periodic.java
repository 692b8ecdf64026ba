package io.flashbridge.ledger;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The ledger's background chores: each on a daemon thread of its own name, every period, until shut down. */
final class Periodic {

    private Periodic() {}

    /** Runs {@code task} every {@code periodMillis} (the first time after one period); shut the answer down to stop. */
    static ScheduledExecutorService every(long periodMillis, String threadName, Runnable task) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(task, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        return executor;
    }
}
