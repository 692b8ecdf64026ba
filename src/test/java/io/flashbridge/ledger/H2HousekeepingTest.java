package io.flashbridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class H2HousekeepingTest {

    private static final int COMMITS = 3_000;

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
    void leavesOtherDatabasesAlone() {
        DataSource inMemory = new DriverManagerDataSource("jdbc:h2:mem:housekeeping-" + UUID.randomUUID(), "sa", "");

        assertThat(H2Housekeeping.storeOf(inMemory)).isEmpty();
    }

    /**
     * The ledger's settings (WRITE_DELAY=0), except that H2 may free an emptied chunk at once
     * instead of after 45 s; webhook-sized rows with random keys, one per commit.
     */
    private long chunksAfterSmallCommits(String name, boolean housekeeping) {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource("jdbc:h2:file:" + dir.resolve(name)
                + ";MODE=PostgreSQL;WRITE_DELAY=0;RETENTION_TIME=0", "sa", "", true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("create table event (request_id varchar(100) primary key, body varchar(10000))");
            MVStore store = H2Housekeeping.storeOf(dataSource).orElseThrow();
            for (int i = 0; i < COMMITS; i++) {
                jdbc.update("insert into event values (?, ?)", UUID.randomUUID().toString(), "x".repeat(300));
                if (housekeeping && i % 50 == 0) {
                    H2Housekeeping.compact(store, 1 << 20);
                }
            }
            return jdbc.queryForObject("select cast(setting_value as bigint) from information_schema.settings "
                    + "where setting_name = 'info.CHUNK_COUNT'", Long.class);
        } finally {
            dataSource.destroy();
        }
    }
}
