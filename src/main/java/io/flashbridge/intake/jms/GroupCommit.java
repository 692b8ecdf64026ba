package io.flashbridge.intake.jms;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.flashbridge.ledger.InstructionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Writes the instructions of messages that arrive together in one ledger transaction. Every
 * message still waits for its own commit before it is queued, answered and acknowledged; only
 * the commit is shared. The embedded ledger writes each commit to its file before returning, and
 * one commit per message would cap core banking at a few hundred instructions a second.
 */
@Component
class GroupCommit implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final int MAX_GROUP = 500;

    private record Waiting(InstructionStore.MessageInstruction message, CompletableFuture<InstructionStore.Recorded> recorded) {}

    private final InstructionStore instructions;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    GroupCommit(InstructionStore instructions) {
        this.instructions = instructions;
        this.writer = new Thread(this::write, "ledger-group-commit");
        writer.setDaemon(true);
        writer.start();
    }

    /** Records one message's instruction; returns once it is committed (or throws, and nothing was recorded for it). */
    InstructionStore.Recorded record(InstructionStore.MessageInstruction message) throws Exception {
        CompletableFuture<InstructionStore.Recorded> recorded = new CompletableFuture<>();
        queue.add(new Waiting(message, recorded));
        try {
            return recorded.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new IllegalStateException("the ledger did not record the instruction within 60 s", e);
        }
    }

    private void write() {
        List<Waiting> group = new ArrayList<>(MAX_GROUP);
        while (running) {
            try {
                Waiting first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
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

    private void commit(List<Waiting> group) {
        try {
            List<InstructionStore.Recorded> recorded = instructions.recordMessages(group.stream().map(Waiting::message).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).recorded().complete(recorded.get(i));
            }
        } catch (RuntimeException e) {
            log.warn("Ledger commit of {} instructions failed: {}", group.size(), e.getMessage());
            group.forEach(waiting -> waiting.recorded().completeExceptionally(e));
        }
    }

    @Override
    public void destroy() {
        running = false;
        writer.interrupt();
    }
}
