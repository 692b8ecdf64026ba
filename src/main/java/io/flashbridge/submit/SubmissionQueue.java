package io.flashbridge.submit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.flashbridge.ledger.InstructionStore;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Puts instruction ids on the durable payout queue in transacted batches (a 100,000-row file
 * must not mean 100,000 broker round trips), and re-queues instructions that stayed RECEIVED,
 * which only happens when the bridge stopped between the ledger commit and the queue commit.
 */
@Component("submissionQueue")
public class SubmissionQueue {

    private static final Logger log = LoggerFactory.getLogger(SubmissionQueue.class);
    private static final int COMMIT_EVERY = 500;
    private static final int PAGE = 10_000;

    private final ConnectionFactory connections;
    private final InstructionStore instructions;
    private final String queue;

    SubmissionQueue(ConnectionFactory connections, InstructionStore instructions,
                    @Value("${flashbridge.queues.payouts}") String queue) {
        this.connections = connections;
        this.instructions = instructions;
        this.queue = queue;
    }

    public int enqueue(List<Long> instructionIds) throws JMSException {
        if (instructionIds == null || instructionIds.isEmpty()) {
            return 0;
        }
        try (Connection connection = connections.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            int sent = 0;
            for (Long id : instructionIds) {
                producer.send(session.createTextMessage(Long.toString(id)));
                if (++sent % COMMIT_EVERY == 0) {
                    session.commit();
                }
            }
            session.commit();
            return sent;
        }
    }

    /**
     * Queues the batch's instructions still waiting to be sent, read from the ledger a page of ids
     * at a time (a million-row file is never one list in memory). Nothing without a batch id.
     */
    public int enqueueBatch(String batchId) throws JMSException {
        if (batchId == null) {
            return 0;
        }
        long[] range = instructions.idRangeOfBatch(batchId).orElse(null);
        if (range == null) {
            return 0;
        }
        int sent = 0;
        for (long from = range[0]; from <= range[1]; from += PAGE) {
            sent += enqueue(instructions.waitingIdsOfBatch(batchId, from, Math.min(range[1], from + PAGE - 1)));
        }
        return sent;
    }

    /** Re-queues instructions left RECEIVED for longer than {@code olderThan}; the submitter ignores duplicates. */
    public int requeueStuck(long olderThanMillis) throws JMSException {
        Duration olderThan = Duration.ofMillis(olderThanMillis);
        List<Long> stuck = instructions.stuckReceived(Instant.now().minus(olderThan), 10_000);
        if (!stuck.isEmpty()) {
            log.warn("Re-queueing {} instructions that stayed RECEIVED for more than {}", stuck.size(), olderThan);
        }
        return enqueue(stuck);
    }
}
