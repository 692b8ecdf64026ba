package io.flashbridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

class SharedTransactionsTest {

    private JdbcTemplate jdbc;
    private TransactionTemplate transactions;
    private SharedTransactions shared;

    @BeforeEach
    void ownDatabase() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:shared-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table change (id int primary key)");
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        shared = new SharedTransactions(transactions);
    }

    @AfterEach
    void stop() {
        shared.destroy();
    }

    @Test
    void failingChangeIsRolledBackAloneWhileTheOthersCommit() throws Exception {
        int callers = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            int id = i;
            results.add(threads.submit(() -> {
                start.await();
                return shared.execute(() -> {
                    jdbc.update("insert into change (id) values (?)", id);
                    if (id == 7) {
                        throw new IllegalStateException("change 7 refused");
                    }
                    return id;
                });
            }));
        }
        start.countDown();
        for (int i = 0; i < callers; i++) {
            if (i == 7) {
                Future<Integer> refused = results.get(i);
                assertThatThrownBy(refused::get).hasRootCauseMessage("change 7 refused");
            } else {
                assertThat(results.get(i).get()).isEqualTo(i);
            }
        }
        threads.shutdown();
        assertThat(jdbc.queryForList("select id from change order by id", Integer.class))
                .hasSize(callers - 1).doesNotContain(7);
    }

    @Test
    void changeAskedForInsideAnOpenTransactionBelongsToIt() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            shared.execute(() -> jdbc.update("insert into change (id) values (1)"));
            throw new IllegalStateException("outer transaction fails");
        })).hasMessage("outer transaction fails");

        assertThat(jdbc.queryForObject("select count(*) from change", Integer.class)).isZero();
    }
}
