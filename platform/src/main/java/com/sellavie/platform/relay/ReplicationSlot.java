package com.sellavie.platform.relay;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's logical replication slot. It is created when the service starts, before it can write any
 * event, rather than when an engine first runs: the slot marks where the stream begins, and an outbox
 * insert committed before it exists would never be published. Needs the REPLICATION attribute, not superuser.
 */
final class ReplicationSlot {

    private static final Logger log = LoggerFactory.getLogger(ReplicationSlot.class);
    private static final String DUPLICATE_OBJECT = "42710";
    private static final String UNDEFINED_TABLE = "42P01";

    private ReplicationSlot() {
    }

    /** What {@link #ensureExists} found. */
    enum Outcome {
        /** The slot was there. */
        EXISTED,
        /** First slot of this database (no checkpoint): nothing was ever streamed. */
        CREATED,
        /** A slot had streamed before and was gone: a new one was created, the outbox is to be republished. */
        RECREATED
    }

    /**
     * Creates the slot if it does not exist. A new slot starts at the current end of the WAL, so offsets
     * stored for an earlier slot of the same name (dropped since) point before it: Debezium would refuse
     * them forever. They are discarded; what was committed while no slot existed is republished from the
     * outbox table: the republish mark is written before the slot is created, so a crash in between still
     * leaves it for the next leader.
     */
    static Outcome ensureExists(RelayDatabase db, String slotName, String offsetsTable, Duration republishMargin)
            throws SQLException {
        try (Connection connection = connect(db)) {
            if (exists(connection, slotName)) {
                return Outcome.EXISTED;
            }
            boolean streamedBefore = RelayCheckpoint.markRepublish(connection, slotName, republishMargin);
            try (PreparedStatement create = connection.prepareStatement(
                    "SELECT pg_create_logical_replication_slot(?, 'pgoutput')")) {
                create.setString(1, slotName);
                create.execute();
            } catch (SQLException e) {
                if (!DUPLICATE_OBJECT.equals(e.getSQLState())) {
                    throw e;
                }
                // Another instance created it at the same moment.
            }
            discardOffsets(connection, offsetsTable, slotName);
            return streamedBefore ? Outcome.RECREATED : Outcome.CREATED;
        }
    }

    private static void discardOffsets(Connection connection, String offsetsTable, String slotName) throws SQLException {
        if (!offsetsTable.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw new IllegalArgumentException("Not a table name: " + offsetsTable);
        }
        try (Statement statement = connection.createStatement()) {
            int discarded = statement.executeUpdate("DELETE FROM " + offsetsTable);
            if (discarded > 0) {
                log.warn("Replication slot {} was missing and has been created again: offsets of the previous slot "
                        + "discarded", slotName);
            }
        } catch (SQLException e) {
            if (!UNDEFINED_TABLE.equals(e.getSQLState())) {
                throw e;
            }
            // Not migrated yet: nothing stored either.
        }
    }

    /** Drops the slot if no engine is using it; returns whether it was dropped. */
    static boolean dropIfInactive(RelayDatabase db, String slotName) throws SQLException {
        try (Connection connection = connect(db);
                PreparedStatement drop = connection.prepareStatement(
                        "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ? AND NOT active")) {
            drop.setString(1, slotName);
            try (ResultSet result = drop.executeQuery()) {
                return result.next();
            }
        }
    }

    private static boolean exists(Connection connection, String slotName) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM pg_replication_slots WHERE slot_name = ?")) {
            query.setString(1, slotName);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    private static Connection connect(RelayDatabase db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }
}
