package io.flashbridge.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Small ledger changes from many threads (a payout claimed before its Flash call, a status change
 * from a webhook or an answer) committed together: each caller still waits for its own change to
 * be committed, only the commit is shared. Each change runs in a savepoint of the shared
 * transaction, so one that fails is rolled back alone and its caller gets the exception, while the
 * others commit. A change asked for inside a transaction already open runs in that transaction.
 */
@Component
public class SharedTransactions implements DisposableBean {

    private record Failed(RuntimeException cause) {}

    private final TransactionTemplate transactions;
    private final GroupCommit<Supplier<?>, Object> commits;

    SharedTransactions(TransactionTemplate transactions) {
        this.transactions = transactions;
        this.commits = new GroupCommit<>("ledger changes", this::runAll);
    }

    /** Runs {@code change} in a transaction shared with other callers; returns its result once committed. */
    @SuppressWarnings("unchecked")
    public <R> R execute(Supplier<R> change) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return change.get();
        }
        Object result;
        try {
            result = commits.submit(change);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (result instanceof Failed failed) {
            throw failed.cause();
        }
        return (R) result;
    }

    private List<Object> runAll(List<Supplier<?>> changes) {
        return transactions.execute(tx -> {
            List<Object> results = new ArrayList<>(changes.size());
            for (Supplier<?> change : changes) {
                results.add(changes.size() == 1 ? change.get() : inSavepoint(tx, change));
            }
            return results;
        });
    }

    private static Object inSavepoint(TransactionStatus tx, Supplier<?> change) {
        Object savepoint = tx.createSavepoint();
        try {
            Object result = change.get();
            tx.releaseSavepoint(savepoint);
            return result;
        } catch (RuntimeException e) {
            tx.rollbackToSavepoint(savepoint);
            return new Failed(e);
        }
    }

    @Override
    public void destroy() {
        commits.close();
    }
}
