package io.flashbridge.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every webhook Flash delivered, stored before the bridge answers 2xx; the request id is the dedupe
 * key. A stored event is also pending until it has been applied to the ledger.
 */
@Component
public class WebhookInbox implements org.springframework.beans.factory.DisposableBean {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WebhookInbox.class);

    /** A stored webhook; {@code receivedAt} is null until it is stored. */
    public record StoredEvent(String requestId, String channel, String event, String entityId, String body, Instant receivedAt) {

        public StoredEvent(String requestId, String channel, String event, String entityId, String body) {
            this(requestId, channel, event, entityId, body, null);
        }
    }

    /** What storing an event came to. */
    public enum Stored {
        /** This request id was stored before (a Flash retry): nothing changed. */
        DUPLICATE,
        /** Stored and applied to the ledger in the same transaction. */
        APPLIED,
        /** Stored as pending: the reconciler applies it afterwards. */
        PENDING
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SharedTransactions shared;
    private final GroupCommit<String, Boolean> processed;

    WebhookInbox(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions, SharedTransactions shared) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.shared = shared;
        this.processed = new GroupCommit<>("processed webhooks", java.time.Duration.ofMillis(100), this::deletePending);
    }

    /**
     * Stores the event and, in the same transaction, lets {@code applyNow} apply it to the ledger
     * (true: applied; false: not this kind, or not yet). An event {@code applyNow} did not apply stays
     * pending for the reconciler; one whose application failed is rolled back with its change
     * ({@link SharedTransactions} isolates each change) and stored again as pending. Returns once
     * committed; events arriving together share the commit.
     */
    public Stored store(StoredEvent event, Instant at, java.util.function.Predicate<StoredEvent> applyNow) {
        try {
            return shared.execute(() -> insert(event, at, applyNow));
        } catch (RuntimeException e) {
            log.warn("Webhook {} not applied as it was stored ({}); stored for the reconciler", event.requestId(), e.getMessage());
            return shared.execute(() -> insert(event, at, stored -> false));
        }
    }

    /** Stores the event as pending, for the reconciler to apply. */
    public Stored store(StoredEvent event, Instant at) {
        return shared.execute(() -> insert(event, at, stored -> false));
    }

    private Stored insert(StoredEvent event, Instant at, java.util.function.Predicate<StoredEvent> applyNow) {
        boolean inserted = jdbc.update("insert into webhook_event (request_id, channel, event, entity_id, body, received_at) "
                + "values (:requestId, :channel, :event, :entityId, :body, :at) on conflict do nothing", new MapSqlParameterSource()
                .addValue("requestId", event.requestId()).addValue("channel", event.channel())
                .addValue("event", event.event()).addValue("entityId", event.entityId()).addValue("body", event.body())
                .addValue("at", UtcTime.of(at))) == 1;
        if (!inserted) {
            return Stored.DUPLICATE;
        }
        if (applyNow.test(event)) {
            return Stored.APPLIED;
        }
        jdbc.update("insert into webhook_pending (request_id, received_at) values (:requestId, :at)",
                Map.of("requestId", event.requestId(), "at", UtcTime.of(at)));
        return Stored.PENDING;
    }

    @Override
    public void destroy() {
        processed.close();
    }

    public Optional<StoredEvent> find(String requestId) {
        return jdbc.query("select request_id, channel, event, entity_id, body, received_at from webhook_event where request_id = :id",
                Map.of("id", requestId), (rs, n) -> new StoredEvent(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), UtcTime.read(rs, "received_at"))).stream().findFirst();
    }

    /** The event has been applied to the ledger: it is no longer pending. */
    /**
     * The event has been applied: it leaves the pending list, in a commit shared with others and
     * without waiting for it (if the bridge stops first, the sweeper applies it again, which changes nothing).
     */
    public void markProcessed(String requestId) {
        processed.submitLater(requestId);
    }

    private List<Boolean> deletePending(List<String> requestIds) {
        return transactions.execute(tx -> {
            for (List<String> slice : Slices.of(requestIds)) {
                jdbc.update("delete from webhook_pending where request_id in (:ids)", Map.of("ids", slice));
            }
            return java.util.Collections.nCopies(requestIds.size(), Boolean.TRUE);
        });
    }

    /** Events stored before {@code before} and not processed yet (the sweeper's work), oldest first. */
    public List<String> unprocessed(Instant before, int limit) {
        return jdbc.queryForList("select request_id from webhook_pending where received_at < :before "
                + "order by received_at fetch first " + limit + " rows only", Map.of("before", UtcTime.of(before)), String.class);
    }
}
