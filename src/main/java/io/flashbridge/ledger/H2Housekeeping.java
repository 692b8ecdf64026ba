package io.flashbridge.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 ledger's file small and on disk. H2 writes each commit as a new chunk of
 * the file and frees a chunk only once none of its pages is live; rewriting the few live pages of
 * old, mostly dead chunks is the job of H2's background thread, which {@code WRITE_DELAY=0} (every
 * commit written to the file before it returns) switches off. Without it the file and the chunk
 * records H2 keeps in memory grew with every commit (20 s of small commits: 37,000 chunks, 3.2 GB,
 * 3 % of it live). Every {@code flashbridge.ledger.housekeeping-period} this rewrites up to
 * {@code flashbridge.ledger.housekeeping-bytes} of live pages out of sparse chunks, as H2's thread
 * would, and stores them.
 * <p>
 * Every round also forces the file to disk. H2 never does between commits (it only writes to the
 * operating system, which may keep the data in memory for 30 s), so an operating-system crash could
 * lose the last half minute of acknowledged commits; now at most one period. It is also what makes
 * a short retention safe: H2 keeps an emptied chunk for its retention time (45 s by default) so that
 * a crash before the newer chunks reach the disk still finds an intact older state. With the file
 * forced every period of at most a second, {@value #RETENTION_MILLIS} ms is enough, and the ledger
 * stops carrying 45 s of dead chunks (10,000 payouts end to end after 20,000 others: a 526 MB file
 * instead of 1,864 – 1,902 MB; the disk is written more, 2.4 GB instead of 1.6 GB, as freed space is
 * reused and forced out instead of lingering in the operating system's cache). A round that cannot
 * force the file (a failing disk), or that fails outright, puts H2's own retention back until a
 * round forces the file again: a short retention is never left without the forcing it relies on.
 * <p>
 * Gauges {@code flashbridge.ledger.file.size} (bytes) and {@code flashbridge.ledger.file.used}
 * (the share of the file holding chunks, 0 to 1) show it. PostgreSQL does its own housekeeping and
 * syncs every commit: with it this does nothing.
 */
@Component
class H2Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(H2Housekeeping.class);
    /** Below this share of live data in the file's chunks, sparse chunks are rewritten (H2's own threshold under load). */
    static final int TARGET_FILL_RATE = 81;
    /** How long an emptied chunk is kept before its space is reused, when the file is forced to disk at least every second. */
    static final int RETENTION_MILLIS = 5_000;
    private static final long LONGEST_PERIOD_FOR_SHORT_RETENTION = 1_000;

    private final DataSource dataSource;
    private final MeterRegistry meters;
    private final long periodMillis;
    private final int bytesPerRun;
    private ScheduledExecutorService housekeeper;
    /** Whether the last round forced the file to disk; only the housekeeping thread changes it. */
    private volatile boolean forced = true;
    /** H2's own retention, and the one set while the rounds force the file (short when they come often enough). */
    private int h2RetentionMillis;
    private int retentionWhileForced;

    H2Housekeeping(DataSource dataSource, MeterRegistry meters,
                   @Value("${flashbridge.ledger.housekeeping-period:250}") long periodMillis,
                   @Value("${flashbridge.ledger.housekeeping-bytes:1048576}") int bytesPerRun) {
        this.dataSource = dataSource;
        this.meters = meters;
        this.periodMillis = periodMillis;
        this.bytesPerRun = bytesPerRun;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Optional<MVStore> store = storeOf(dataSource);
        if (store.isEmpty()) {
            return;
        }
        MVStore mvStore = store.get();
        Gauge.builder("flashbridge.ledger.file.size", mvStore, s -> s.isClosed() ? 0 : s.getFileStore().size())
                .baseUnit("bytes").description("Size of the embedded H2 ledger's file").register(meters);
        Gauge.builder("flashbridge.ledger.file.used", mvStore, s -> s.isClosed() ? 0 : s.getFileStore().getFillRate() / 100.0)
                .description("Share of the ledger's file holding chunks (the rest is free space H2 reuses)").register(meters);
        if (periodMillis <= 0) {
            return;
        }
        Gauge.builder("flashbridge.ledger.file.forced", this, housekeeping -> housekeeping.forcedToDisk() ? 1 : 0)
                .description("1 while the housekeeping forces the embedded ledger's file to disk every round, 0 while it cannot")
                .register(meters);
        shortenRetention(mvStore);
        housekeeper = Periodic.every(periodMillis, "ledger-housekeeping", () -> round(mvStore));
    }

    /** H2 keeps emptied chunks for {@value #RETENTION_MILLIS} ms instead of its own retention when the rounds come often enough. */
    void shortenRetention(MVStore store) {
        h2RetentionMillis = store.getRetentionTime();
        retentionWhileForced = periodMillis <= LONGEST_PERIOD_FOR_SHORT_RETENTION ? RETENTION_MILLIS : h2RetentionMillis;
        store.setRetentionTime(retentionWhileForced);
    }

    /** Compacts, forces the file to disk, and keeps the retention in step with whether that worked. */
    void round(MVStore store) {
        try {
            compact(store, bytesPerRun);
            if (!store.isClosed()) {
                store.sync();
            }
            if (!forced) {
                forced = true;
                store.setRetentionTime(retentionWhileForced);
                log.info("The ledger file is forced to disk again");
            }
        } catch (Throwable failure) {
            // Also an Error: thrown out of here it would end the rounds for good, short retention still set.
            if (forced) {
                forced = false;
                store.setRetentionTime(h2RetentionMillis);
                log.warn("The ledger file could not be forced to disk ({}): emptied chunks are kept for {} s until it can "
                        + "be again; an operating-system crash now could lose the commits since", failure.toString(),
                        h2RetentionMillis / 1000);
            }
        }
    }

    /** Whether the last housekeeping round forced the ledger file to disk. */
    boolean forcedToDisk() {
        return forced;
    }

    @PreDestroy
    void stop() {
        if (housekeeper != null) {
            housekeeper.shutdownNow();
        }
    }

    /** One round: rewrites up to {@code bytes} of live pages out of sparse chunks; true when it rewrote any. */
    static boolean compact(MVStore store, int bytes) {
        try {
            if (store.isClosed() || !store.compact(TARGET_FILL_RATE, bytes)) {
                return false;
            }
            // The moved pages are written by the next store of the file, and an idle ledger may not
            // commit for hours: without this, nothing was freed while idle (30,429 chunks stayed).
            store.tryCommit();
            return true;
        } catch (RuntimeException e) {
            // The store closing under it (shutdown) or a failed round: the next round tries again.
            log.debug("Ledger housekeeping round failed: {}", e.toString());
            return false;
        }
    }

    /** The MVStore behind an embedded H2 database; empty for any other database. */
    static Optional<MVStore> storeOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return storeOf(connection);
        } catch (SQLException e) {
            log.warn("Ledger housekeeping off: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** The file store behind an embedded H2 connection; empty for any other database (or H2 in memory). */
    static Optional<MVStore> storeOf(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return Optional.empty();
        }
        return Optional.ofNullable(session.getDatabase().getStore()).map(s -> s.getMvStore())
                .filter(mvStore -> mvStore.getFileStore() != null);
    }
}
