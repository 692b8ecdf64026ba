package io.flashbridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class H2HousekeepingTest {

    private static final int COMMITS = 3_000;
    private static final int H2_DEFAULT_RETENTION_MILLIS = 45_000;

    @TempDir
    Path dir;

    @Test
    void keepsTheLedgerFileFromGrowingWithEveryCommit() {
        long without = chunksAfterSmallCommits("plain", false);
        long with = chunksAfterSmallCommits("kept", true);

        // Without housekeeping about one commit in six leaves a chunk that is never freed (512 here);
        // with it a few dozen chunks remain, however many commits there were.
        assertThat(without).isGreaterThan(COMMITS / 10);
        assertThat(with).isLessThan(without / 4);
    }

    @Test
    void freesTheChunksOfALedgerThatHasGoneQuiet() {
        SingleConnectionDataSource dataSource = ledger("quiet");
        try {
            JdbcTemplate jdbc = smallCommits(dataSource, null);
            long busy = chunkCount(jdbc);
            MVStore store = H2Housekeeping.storeOf(dataSource).orElseThrow();
            for (int round = 0; round < 200 && H2Housekeeping.compact(store, 1 << 20); round++) {
                // nothing else commits: the rounds alone must write what they moved
            }

            assertThat(chunkCount(jdbc)).isLessThan(busy / 4);
        } finally {
            dataSource.destroy();
        }
    }

    @Test
    void shortensTheRetentionOfEmptiedChunksOnlyWhenItForcesTheFileToDiskAtLeastEverySecond() {
        assertThat(retentionWithHousekeepingEvery(250)).isEqualTo(H2Housekeeping.RETENTION_MILLIS);
        assertThat(retentionWithHousekeepingEvery(1_000)).isEqualTo(H2Housekeeping.RETENTION_MILLIS);
        assertThat(retentionWithHousekeepingEvery(5_000)).isEqualTo(H2_DEFAULT_RETENTION_MILLIS);
        assertThat(retentionWithHousekeepingEvery(0)).isEqualTo(H2_DEFAULT_RETENTION_MILLIS);
    }

    @Test
    void putsH2sRetentionBackWhileTheFileCannotBeForcedToDiskAndShortensItAgainOnceItCan() {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(SyncFailures.url(dir.resolve("failing-disk"))
                + ";MODE=PostgreSQL;WRITE_DELAY=0", "sa", "", true);
        H2Housekeeping housekeeping = new H2Housekeeping(dataSource, new SimpleMeterRegistry(), 250, 1 << 20);
        try {
            MVStore store = H2Housekeeping.storeOf(dataSource).orElseThrow();
            // The rounds run here, one after another, instead of on the housekeeping thread.
            housekeeping.shortenRetention(store);
            assertThat(store.getRetentionTime()).isEqualTo(H2Housekeeping.RETENTION_MILLIS);

            SyncFailures.failing = true;
            housekeeping.round(store);
            housekeeping.round(store);

            assertThat(housekeeping.forcedToDisk()).isFalse();
            assertThat(store.getRetentionTime()).isEqualTo(H2_DEFAULT_RETENTION_MILLIS);

            SyncFailures.failing = false;
            housekeeping.round(store);

            assertThat(housekeeping.forcedToDisk()).isTrue();
            assertThat(store.getRetentionTime()).isEqualTo(H2Housekeeping.RETENTION_MILLIS);
        } finally {
            SyncFailures.failing = false;
            dataSource.destroy();
        }
    }

    @Test
    void leavesOtherDatabasesAlone() {
        DataSource inMemory = new DriverManagerDataSource("jdbc:h2:mem:housekeeping-" + UUID.randomUUID(), "sa", "");

        assertThat(H2Housekeeping.storeOf(inMemory)).isEmpty();
    }

    private int retentionWithHousekeepingEvery(long periodMillis) {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource("jdbc:h2:file:" + dir.resolve("retention-" + periodMillis)
                + ";MODE=PostgreSQL;WRITE_DELAY=0", "sa", "", true);
        H2Housekeeping housekeeping = new H2Housekeeping(dataSource, new SimpleMeterRegistry(), periodMillis, 1 << 20);
        try {
            housekeeping.start();
            return H2Housekeeping.storeOf(dataSource).orElseThrow().getRetentionTime();
        } finally {
            housekeeping.stop();
            dataSource.destroy();
        }
    }

    private long chunksAfterSmallCommits(String name, boolean housekeeping) {
        SingleConnectionDataSource dataSource = ledger(name);
        try {
            MVStore store = housekeeping ? H2Housekeeping.storeOf(dataSource).orElseThrow() : null;
            return chunkCount(smallCommits(dataSource, store));
        } finally {
            dataSource.destroy();
        }
    }

    /** The ledger's settings (WRITE_DELAY=0), except that H2 may free an emptied chunk at once instead of after 45 s. */
    private SingleConnectionDataSource ledger(String name) {
        return new SingleConnectionDataSource("jdbc:h2:file:" + dir.resolve(name)
                + ";MODE=PostgreSQL;WRITE_DELAY=0;RETENTION_TIME=0", "sa", "", true);
    }

    /** Webhook-sized rows with random keys, one per commit; a housekeeping round every 50 commits when {@code store} is given. */
    private static JdbcTemplate smallCommits(DataSource dataSource, MVStore store) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table event (request_id varchar(100) primary key, body varchar(10000))");
        for (int i = 0; i < COMMITS; i++) {
            jdbc.update("insert into event values (?, ?)", UUID.randomUUID().toString(), "x".repeat(300));
            if (store != null && i % 50 == 0) {
                H2Housekeeping.compact(store, 1 << 20);
            }
        }
        return jdbc;
    }

    private static long chunkCount(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select cast(setting_value as bigint) from information_schema.settings "
                + "where setting_name = 'info.CHUNK_COUNT'", Long.class);
    }
}
