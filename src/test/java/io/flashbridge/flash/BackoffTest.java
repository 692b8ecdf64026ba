package io.flashbridge.flash;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Retry waits grow exponentially, are capped, and never undercut Flash's Retry-After. */
class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

    @RepeatedTest(20)
    void doublesTheWaitWithJitterInTheUpperHalf() {
        assertThat(backoff.delayBefore(1, Optional.empty())).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(backoff.delayBefore(4, Optional.empty())).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @RepeatedTest(20)
    void capsTheWait() {
        assertThat(backoff.delayBefore(30, Optional.empty())).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    @Test
    void waitsAtLeastAsLongAsRetryAfter() {
        FlashRateLimitedException limited = new FlashRateLimitedException(FlashOperation.CREATE_WITHDRAWAL, Duration.ofSeconds(59));

        assertThat(backoff.delayBefore(1, limited)).isEqualTo(Duration.ofSeconds(59));
    }
}
