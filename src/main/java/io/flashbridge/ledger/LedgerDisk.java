package io.flashbridge.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.h2.mvstore.MVStore;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Forces the embedded H2 ledger's file to disk before a source is answered. H2 writes every commit
 * to its file before returning (a killed process loses nothing) but leaves it in the operating
 * system's cache, which the housekeeping forces only every 250 ms, while the broker syncs its
 * journal at every commit. Without this a power cut could keep core banking's "accepted" reply, or
 * the ERP's ack, and lose the rows they answer. One force per JMS group commit and one per file
 * (before its ack; a lost "intake complete" mark only makes a re-read file resume, which is harmless).
 * PostgreSQL syncs every commit itself: with it this does nothing.
 */
@Component
public class LedgerDisk {

    private final DataSource dataSource;
    /** Null until a connection has said which database this is. */
    private volatile Optional<MVStore> store;

    LedgerDisk(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Returns once everything committed so far is on the disk; throws when that cannot be known. */
    public void force() {
        Optional<MVStore> known = store;
        if (known == null || known.filter(MVStore::isClosed).isPresent()) {
            known = storeNow();
            store = known;
        }
        known.filter(mvStore -> !mvStore.isClosed()).ifPresent(MVStore::sync);
    }

    private Optional<MVStore> storeNow() {
        try (Connection connection = dataSource.getConnection()) {
            return H2Housekeeping.storeOf(connection);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("the ledger cannot be reached to force its file to disk", e);
        }
    }
}
