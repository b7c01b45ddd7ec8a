package com.sellavie.platform.relay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far Kafka has acknowledged the outbox (table relay_checkpoint, one row per slot): the latest commit
 * time among streamed transactions whose events were acknowledged (a republish contributes its rows'
 * {@code created_at}, never later than their commit), stored at most every {@code flushInterval}. A stale value
 * only makes a republish longer, so a failed write is logged, counted and retried with the next batch.
 * Also holds the "republish from" mark a new slot leaves for whichever instance leads next.
 */
class RelayCheckpoint implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RelayCheckpoint.class);
    private static final String UNDEFINED_TABLE = "42P01";
    private static final String UPSERT = """
            INSERT INTO relay_checkpoint (slot_name, acknowledged_until, updated_at) VALUES (?, ?, now())
            ON CONFLICT (slot_name) DO UPDATE SET
              acknowledged_until = GREATEST(relay_checkpoint.acknowledged_until, EXCLUDED.acknowledged_until),
              updated_at = now()""";

    private final RelayDatabase db;
    private final String slotName;
    private final Duration flushInterval;
    private final RelayMetrics metrics;
    private final Clock clock;
    private Connection connection;
    private Instant acknowledged;
    private Instant stored;
    private Instant lastWrite = Instant.MIN;

    RelayCheckpoint(RelayDatabase db, String slotName, Duration flushInterval, RelayMetrics metrics, Clock clock) {
        this.db = db;
        this.slotName = slotName;
        this.flushInterval = flushInterval;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Kafka acknowledged events up to {@code position}; stored now if the last write is old enough. */
    synchronized void acknowledged(Instant position) {
        if (position != null && (acknowledged == null || position.isAfter(acknowledged))) {
            acknowledged = position;
        }
        if (clock.instant().isAfter(lastWrite.plus(flushInterval))) {
            flush();
        }
    }

    /** Stores the latest acknowledged position, if it moved since the last write. */
    synchronized void flush() {
        if (acknowledged == null || acknowledged.equals(stored)) {
            return;
        }
        lastWrite = clock.instant();
        try (PreparedStatement upsert = connection().prepareStatement(UPSERT)) {
            upsert.setString(1, slotName);
            upsert.setTimestamp(2, Timestamp.from(acknowledged));
            upsert.executeUpdate();
            stored = acknowledged;
        } catch (SQLException e) {
            metrics.checkpointFailed();
            log.warn("Relay checkpoint of slot {} not stored ({}: {}); retrying with the next batch", slotName,
                    e.getClass().getSimpleName(), e.getMessage());
            close();
        }
    }

    /**
     * Before a new slot is created: marks that rows from the acknowledged position minus {@code margin}
     * (every retained row if nothing was ever acknowledged) must be published again. An earlier mark not yet
     * honoured is kept (the earliest wins). Returns whether the slot had a checkpoint, i.e. streamed before.
     */
    static boolean markRepublish(Connection connection, String slotName, Duration margin) throws SQLException {
        String sql = """
                INSERT INTO relay_checkpoint AS c (slot_name, republish_from) VALUES (?, '-infinity')
                ON CONFLICT (slot_name) DO UPDATE SET
                  republish_from = COALESCE(c.republish_from, c.acknowledged_until - make_interval(secs => ?), '-infinity'),
                  updated_at = now()
                RETURNING (xmax <> 0) AS existed""";
        try (PreparedStatement mark = connection.prepareStatement(sql)) {
            mark.setString(1, slotName);
            mark.setDouble(2, margin.toMillis() / 1000.0);
            try (ResultSet result = mark.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        } catch (SQLException e) {
            if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                // Platform migrations not run (turned off): there is no retained outbox to republish either.
                log.warn("Table relay_checkpoint missing: nothing can be republished for slot {}", slotName);
                return false;
            }
            throw e;
        }
    }

    /** Exactly the acknowledged position, no margin: for a graceful stop that drops its slot (tests). */
    synchronized void markRepublishFromAcknowledged() {
        flush();
        String sql = "UPDATE relay_checkpoint SET republish_from = COALESCE(republish_from, acknowledged_until), "
                + "updated_at = now() WHERE slot_name = ?";
        try (PreparedStatement mark = connection().prepareStatement(sql)) {
            mark.setString(1, slotName);
            mark.executeUpdate();
        } catch (SQLException e) {
            log.warn("Could not mark slot {} for republish: {}", slotName, e.getMessage());
            close();
        }
    }

    /** The pending republish mark, as PostgreSQL text (it may be '-infinity'), if any. */
    static Optional<String> republishFrom(Connection connection, String slotName) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT republish_from::text FROM relay_checkpoint WHERE slot_name = ? AND republish_from IS NOT NULL")) {
            query.setString(1, slotName);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? Optional.of(result.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Clears the mark once honoured, unless a newer slot loss replaced it meanwhile. */
    static void republished(Connection connection, String slotName, String from) throws SQLException {
        try (PreparedStatement clear = connection.prepareStatement(
                "UPDATE relay_checkpoint SET republish_from = NULL, updated_at = now() "
                        + "WHERE slot_name = ? AND republish_from = ?::timestamptz")) {
            clear.setString(1, slotName);
            clear.setString(2, from);
            clear.executeUpdate();
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = db.open("sellavie-relay checkpoint");
            connection.setAutoCommit(true);
        }
        return connection;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Closing the relay checkpoint connection: {}", e.getMessage());
            }
            connection = null;
        }
    }
}
