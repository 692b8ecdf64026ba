package io.flashbridge.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every webhook Flash delivered, stored before the bridge answers 2xx; the request id is the dedupe
 * key. A stored event is also pending until it has been applied to the ledger.
 */
@Component
public class WebhookInbox {

    /** A stored webhook; {@code receivedAt} is null until it is stored. */
    public record StoredEvent(String requestId, String channel, String event, String entityId, String body, Instant receivedAt) {

        public StoredEvent(String requestId, String channel, String event, String entityId, String body) {
            this(requestId, channel, event, entityId, body, null);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    WebhookInbox(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Stores the event as pending; false when this request id was stored before (a Flash retry). */
    public boolean store(StoredEvent event, Instant at) {
        try {
            transactions.executeWithoutResult(tx -> {
                jdbc.update("insert into webhook_event (request_id, channel, event, entity_id, body, received_at) "
                        + "values (:requestId, :channel, :event, :entityId, :body, :at)", new MapSqlParameterSource()
                        .addValue("requestId", event.requestId()).addValue("channel", event.channel())
                        .addValue("event", event.event()).addValue("entityId", event.entityId()).addValue("body", event.body())
                        .addValue("at", UtcTime.of(at)));
                jdbc.update("insert into webhook_pending (request_id, received_at) values (:requestId, :at)",
                        Map.of("requestId", event.requestId(), "at", UtcTime.of(at)));
            });
            return true;
        } catch (DuplicateKeyException alreadyStored) {
            return false;
        }
    }

    public Optional<StoredEvent> find(String requestId) {
        return jdbc.query("select request_id, channel, event, entity_id, body, received_at from webhook_event where request_id = :id",
                Map.of("id", requestId), (rs, n) -> new StoredEvent(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), UtcTime.read(rs, "received_at"))).stream().findFirst();
    }

    /** The event has been applied to the ledger: it is no longer pending. */
    public void markProcessed(String requestId) {
        jdbc.update("delete from webhook_pending where request_id = :id", Map.of("id", requestId));
    }

    /** Events stored before {@code before} and not processed yet (the sweeper's work), oldest first. */
    public List<String> unprocessed(Instant before, int limit) {
        return jdbc.queryForList("select request_id from webhook_pending where received_at < :before "
                + "order by received_at fetch first " + limit + " rows only", Map.of("before", UtcTime.of(before)), String.class);
    }
}
