package io.flashbridge.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what arrives together in one ledger transaction: every caller still waits for its own
 * commit before it answers anyone, only the commit is shared. The embedded ledger writes each commit
 * to its file before returning, so one commit per message or webhook would cap the bridge at a few
 * hundred a second. One writer thread; {@code writeAll} gets up to {@value #MAX_GROUP} items and
 * answers one result per item, in order, inside one transaction.
 */
public final class GroupCommit<T, R> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final int MAX_GROUP = 500;

    private record Waiting<T, R>(T item, CompletableFuture<R> result) {}

    private final Function<List<T>, List<R>> writeAll;
    private final BlockingQueue<Waiting<T, R>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final String what;
    private final long lingerMillis;
    private volatile boolean running = true;

    public GroupCommit(String what, Function<List<T>, List<R>> writeAll) {
        this(what, java.time.Duration.ZERO, writeAll);
    }

    /**
     * {@code linger}: how long the writer waits after the first item for others to join its commit;
     * for writes nobody waits for ({@link #submitLater}), where fewer commits matter more than latency.
     */
    public GroupCommit(String what, java.time.Duration linger, Function<List<T>, List<R>> writeAll) {
        this.what = what;
        this.lingerMillis = linger.toMillis();
        this.writeAll = writeAll;
        this.writer = new Thread(this::write, "group-commit-" + what);
        writer.setDaemon(true);
        writer.start();
    }

    /** Writes one item; returns its result once committed (or throws, and nothing was written for it). */
    public R submit(T item) throws Exception {
        CompletableFuture<R> result = new CompletableFuture<>();
        queue.add(new Waiting<>(item, result));
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new IllegalStateException("the ledger did not commit the " + what + " within 60 s", e);
        }
    }

    /**
     * Writes one item without waiting for its commit: for writes a crash may lose because something
     * else repeats them (e.g. marking an event processed: the sweeper processes it again, harmlessly).
     */
    public void submitLater(T item) {
        queue.add(new Waiting<>(item, new CompletableFuture<>()));
    }

    private void write() {
        List<Waiting<T, R>> group = new ArrayList<>(MAX_GROUP);
        while (running) {
            try {
                Waiting<T, R> first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                if (lingerMillis > 0) {
                    Thread.sleep(lingerMillis);
                }
                queue.drainTo(group, MAX_GROUP - 1);
                commit(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                group.clear();
            }
        }
    }

    private void commit(List<Waiting<T, R>> group) {
        try {
            List<R> results = writeAll.apply(group.stream().map(Waiting::item).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).result().complete(results.get(i));
            }
        } catch (RuntimeException e) {
            log.warn("Ledger commit of {} {} failed: {}", group.size(), what, e.getMessage());
            group.forEach(waiting -> waiting.result().completeExceptionally(e));
        }
    }

    @Override
    public void close() {
        running = false;
        writer.interrupt();
    }
}
