package io.flashbridge.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Sends payout instructions to a running bridge's broker from several producer threads, persistent,
 * each asking for its reply on one queue, and prints instructions/s until the last reply is back.
 * Started by {@code bench/jms.sh}.
 *
 * <p>Arguments: broker port, number of messages, producer threads.
 */
public final class JmsBenchmark {

    /** SEND_BATCH=50: each producer commits its sends in transactions of 50 messages (default 1: every send on its own). */
    private static final int SEND_BATCH = Integer.parseInt(System.getenv().getOrDefault("SEND_BATCH", "1"));
    /**
     * FLOOR=1: the broker's own loop instead of the bridge: 48 transacted consumers (as the bridge's
     * route) on a queue of their own that, per message, put an entry on a second queue and send the
     * reply, then commit — everything the bridge does but the ledger and the validation.
     */
    private static final boolean FLOOR = System.getenv("FLOOR") != null;
    private static final String INSTRUCTIONS = FLOOR ? "bench.floor.instructions" : "flashbridge.instructions";

    private JmsBenchmark() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int messages = Integer.parseInt(args[1]);
        int producers = Integer.parseInt(args[2]);
        String run = "jms-" + System.currentTimeMillis();
        CountDownLatch replied = new CountDownLatch(messages);
        AtomicInteger accepted = new AtomicInteger();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
             Connection replies = factory.createConnection()) {
            Session replySession = replies.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue replyQueue = replySession.createQueue("bench.replies." + run);
            MessageConsumer consumer = replySession.createConsumer(replyQueue);
            consumer.setMessageListener(message -> {
                try {
                    if ("ACCEPTED".equals(message.getStringProperty("status"))) {
                        accepted.incrementAndGet();
                    }
                } catch (Exception ignored) {
                    // counted as not accepted
                }
                replied.countDown();
            });
            replies.start();
            java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
            List<Thread> floor = new ArrayList<>();
            for (int c = 0; FLOOR && c < 48; c++) {
                Thread thread = new Thread(() -> floorConsumer(factory, running), "floor-consumer-" + c);
                thread.start();
                floor.add(thread);
            }

            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int first = p;
                Thread thread = new Thread(() -> send(factory, replyQueue, run, first, producers, messages), "producer-" + p);
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            long sent = System.nanoTime();
            if (!replied.await(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException(replied.getCount() + " replies missing");
            }
            long done = System.nanoTime();
            running.set(false);
            for (Thread thread : floor) {
                thread.join();
            }
            System.out.printf("Sent %,d instructions (persistent, %d producers, %s) in %.2f s%n", messages, producers,
                    SEND_BATCH > 1 ? "transactions of " + SEND_BATCH : "one send at a time", seconds(start, sent));
            System.out.printf("Replies: all %,d back %.2f s after the first send: %,.0f instructions/s (%,d ACCEPTED)%n",
                    messages, seconds(start, done), messages / seconds(start, done), accepted.get());
            System.out.printf("RESULT jms-%s %.1f%n", FLOOR ? "floor" : "bridge", messages / seconds(start, done));
        }
    }

    private static void send(ActiveMQConnectionFactory factory, Queue replyQueue, String run, int first, int step, int messages) {
        try (Connection connection = factory.createConnection()) {
            boolean batched = SEND_BATCH > 1;
            Session session = batched ? connection.createSession(true, Session.SESSION_TRANSACTED)
                    : connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            int inBatch = 0;
            MessageProducer producer = session.createProducer(session.createQueue(INSTRUCTIONS));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int i = first; i < messages; i += step) {
                TextMessage message = session.createTextMessage("{\"kind\":\"payout\",\"payment_id\":\"" + run + "-" + i
                        + "\",\"amount\":\"" + (1 + i % 50) + ".25\",\"bsb\":\"062-000\",\"account_number\":\"" + (10_000_000 + i)
                        + "\",\"account_name\":\"Katarina Oreiro\",\"reference\":\"INV-" + i + "\",\"remitter_name\":\"Acme Payroll Pty Ltd\"}");
                message.setJMSReplyTo(replyQueue);
                producer.send(message);
                if (batched && ++inBatch % SEND_BATCH == 0) {
                    session.commit();
                }
            }
            if (batched) {
                session.commit();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void floorConsumer(ActiveMQConnectionFactory factory, java.util.concurrent.atomic.AtomicBoolean running) {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createConsumer(session.createQueue(INSTRUCTIONS));
            MessageProducer producer = session.createProducer(null);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            Queue internal = session.createQueue("bench.floor.internal");
            connection.start();
            while (running.get()) {
                jakarta.jms.Message message = consumer.receive(200);
                if (message == null) {
                    continue;
                }
                producer.send(internal, session.createTextMessage(message.getJMSMessageID()));
                TextMessage reply = session.createTextMessage("{\"status\":\"ACCEPTED\"}");
                reply.setJMSCorrelationID(message.getJMSMessageID());
                reply.setStringProperty("status", "ACCEPTED");
                producer.send(message.getJMSReplyTo(), reply);
                session.commit();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
