package io.flashbridge.ledger;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class LedgerDiskTest {

    @TempDir
    Path dir;

    @Test
    void throwsWhileTheLedgerFileCannotBeForcedToDiskAndForcesItAgainOnceItCan() {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(SyncFailures.url(dir.resolve("ledger"))
                + ";MODE=PostgreSQL;WRITE_DELAY=0", "sa", "", true);
        LedgerDisk disk = new LedgerDisk(dataSource);
        try {
            assertThatCode(disk::force).doesNotThrowAnyException();

            SyncFailures.failing = true;
            assertThatThrownBy(disk::force).hasMessageContaining("Could not sync file");

            SyncFailures.failing = false;
            assertThatCode(disk::force).doesNotThrowAnyException();
        } finally {
            SyncFailures.failing = false;
            dataSource.destroy();
        }
    }

    @Test
    void leavesADatabaseWithoutAnH2FileAlone() {
        LedgerDisk disk = new LedgerDisk(new DriverManagerDataSource("jdbc:h2:mem:disk-" + UUID.randomUUID(), "sa", ""));

        assertThatCode(disk::force).doesNotThrowAnyException();
    }
}
