package io.flashbridge.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;

/**
 * Crash tests: each owns a {@link CrashRig} in its own directory under {@code target/crash-recovery}
 * (where the log scan of the whole run looks) and payment ids made unique by {@link #run}.
 */
public abstract class CrashTestSupport {

    protected static final Duration PATIENCE = Duration.ofMinutes(4);
    private static final Path ROOT = Path.of("target/crash-recovery").toAbsolutePath();

    protected final String run = UUID.randomUUID().toString().substring(0, 8);
    protected CrashRig rig;

    /** Starts the sandbox (simulated time at {@code timeScale}) and the rig in {@code target/crash-recovery/<prefix><run>}. */
    protected CrashRig startRig(String prefix, double timeScale) throws Exception {
        rig = CrashRig.start(ROOT.resolve(prefix + run), timeScale);
        return rig;
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }
}
