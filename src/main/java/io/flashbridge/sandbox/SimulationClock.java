package io.flashbridge.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs simulated work after nominal delays multiplied by {@code sandbox.time-scale}, so tests
 * can replay a 10-minute webhook retry schedule in seconds.
 */
@Component
class SimulationClock {

    private static final Logger log = LoggerFactory.getLogger(SimulationClock.class);

    private final double timeScale;
    private final ScheduledExecutorService executor;

    SimulationClock(SandboxProperties properties) {
        this.timeScale = properties.timeScale();
        this.executor = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "sandbox-clock");
            thread.setDaemon(true);
            return thread;
        });
    }

    Instant now() {
        return Instant.now();
    }

    void after(Duration nominal, Runnable work) {
        long millis = Math.max(0, Math.round(nominal.toMillis() * timeScale));
        executor.schedule(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.error("Simulated step failed", e);
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
