package com.sellavie.platform.relay;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The election of a database's relay: a session-level advisory lock held on a dedicated connection
 * (not a pooled one, which a pool could recycle), plus a lease. The lock lives as long as that session,
 * so a leader whose process dies frees it at once. A leader whose host or network vanishes does not:
 * its session lives on server-side until TCP gives up. Hence the lease: the leader refreshes its row of
 * relay_leader at every check, and a standby that finds the lock held by a session whose heartbeat is
 * older than the leader timeout ends that session (and the slot's walsender) to take over. The lock
 * connection also asks the server for TCP keepalives, as a second line of defence.
 */
class LeaderLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LeaderLock.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;
    private static final String UNDEFINED_TABLE = "42P01";
    /** Server-side keepalives: a vanished peer is noticed after about 10 + 3 x 5 = 25 s of silence. */
    private static final String KEEPALIVES = "-c tcp_keepalives_idle=10 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3";
    private static final String HOLDER = """
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 1""";
    private static final String HEARTBEAT = """
            INSERT INTO relay_leader (lock_key, instance, application_name, heartbeat_at) VALUES (?, ?, ?, now())
            ON CONFLICT (lock_key) DO UPDATE SET instance = EXCLUDED.instance,
              application_name = EXCLUDED.application_name, heartbeat_at = now()""";

    private final RelayDatabase db;
    private final long key;
    private final String instanceId;
    private final String applicationName;
    private Connection connection;
    private boolean held;
    private boolean leaseTableMissingLogged;

    LeaderLock(RelayDatabase db, long key, String instanceId) {
        this.db = db;
        this.key = key;
        this.instanceId = instanceId;
        this.applicationName = "sellavie-relay " + instanceId;
    }

    /** A leader whose lease expired: its lock session and how long it has been silent. */
    record StaleLeader(int pid, String applicationName, double silentSeconds) {
    }

    /** Takes the lock if it is free; false if another session holds it or the database cannot be reached. */
    synchronized boolean tryAcquire() {
        if (held) {
            return true;
        }
        try {
            try (PreparedStatement statement = connection().prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                statement.setLong(1, key);
                try (ResultSet result = statement.executeQuery()) {
                    held = result.next() && result.getBoolean(1);
                }
            }
            if (held) {
                heartbeat();
            }
        } catch (SQLException e) {
            log.warn("Relay lock on {} unavailable: {}", db, e.getMessage());
            held = false;
            closeConnection();
        }
        return held;
    }

    /**
     * True while the lock's session is alive and the lease could be renewed; a leader that sees false has
     * lost the lock (or will soon: a standby may end its session) and must stop streaming.
     */
    synchronized boolean stillHeld() {
        if (!held) {
            return false;
        }
        try {
            if (connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                heartbeat();
                return true;
            }
            log.warn("Relay lock connection of {} did not answer within {} s", instanceId, VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            log.warn("Relay lock check of {} failed: {}: {}", instanceId, e.getClass().getSimpleName(), e.getMessage());
        }
        held = false;
        closeConnection();
        return false;
    }

    synchronized boolean isHeld() {
        return held;
    }

    /** The lock's holder, if its lease is older than {@code timeout}; empty if free, fresh or unknown. */
    synchronized Optional<StaleLeader> staleLeader(Duration timeout) {
        String sql = """
                SELECT l.pid, a.application_name, extract(epoch FROM now() - h.heartbeat_at)::float8
                FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                JOIN relay_leader h ON h.lock_key = ? AND h.application_name = a.application_name
                WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 1
                  AND h.heartbeat_at < now() - make_interval(secs => ?)""";
        try (PreparedStatement statement = connection().prepareStatement(sql)) {
            statement.setLong(1, key);
            statement.setLong(2, key >>> 32);
            statement.setLong(3, key & 0xffffffffL);
            statement.setDouble(4, timeout.toMillis() / 1000.0);
            try (ResultSet result = statement.executeQuery()) {
                return result.next()
                        ? Optional.of(new StaleLeader(result.getInt(1), result.getString(2), result.getDouble(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            if (!UNDEFINED_TABLE.equals(e.getSQLState())) {
                log.warn("Relay lease check on {} failed: {}", db, e.getMessage());
                closeConnection();
            }
            return Optional.empty();
        }
    }

    /**
     * Ends a backend (a silent leader's lock session, or a walsender still holding the slot). Allowed for
     * backends of the same role, which the relay's sessions all are. Returns whether it was signalled.
     */
    synchronized boolean terminate(int pid) {
        try (PreparedStatement statement = connection().prepareStatement("SELECT pg_terminate_backend(?)")) {
            statement.setInt(1, pid);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        } catch (SQLException e) {
            log.warn("Could not end backend {} on {}: {}", pid, db, e.getMessage());
            return false;
        }
    }

    /** The backend streaming from the slot, if any (walsender pid). */
    synchronized Optional<Integer> slotUser(String slotName) {
        try (PreparedStatement statement = connection().prepareStatement(
                "SELECT active_pid FROM pg_replication_slots WHERE slot_name = ? AND active_pid IS NOT NULL")) {
            statement.setString(1, slotName);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? Optional.of(result.getInt(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            log.warn("Could not read the state of slot {}: {}", slotName, e.getMessage());
            return Optional.empty();
        }
    }

    /** The slot's wal_status ({@code reserved}, {@code extended}, {@code unreserved}, {@code lost}); "missing"; null if unknown. */
    synchronized String slotWalStatus(String slotName) {
        try (PreparedStatement statement = connection().prepareStatement(
                "SELECT wal_status FROM pg_replication_slots WHERE slot_name = ?")) {
            statement.setString(1, slotName);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : "missing";
            }
        } catch (SQLException e) {
            log.warn("Could not read the state of slot {}: {}", slotName, e.getMessage());
            return null;
        }
    }

    /** Application name of the session that holds the lock, if any (for health details). */
    synchronized String holder() {
        try (PreparedStatement statement = connection().prepareStatement("SELECT a.application_name " + HOLDER)) {
            statement.setLong(1, key >>> 32);
            statement.setLong(2, key & 0xffffffffL);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        } catch (SQLException e) {
            return null;
        }
    }

    /** Bytes of WAL the slot still retains for the relay: how far behind it is. Null if unknown. */
    synchronized Long slotLagBytes(String slotName) {
        String sql = "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::bigint FROM pg_replication_slots WHERE slot_name = ?";
        try (PreparedStatement statement = connection().prepareStatement(sql)) {
            statement.setString(1, slotName);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? (Long) result.getObject(1) : null;
            }
        } catch (SQLException e) {
            return null;
        }
    }

    /** Gives the lock up (ending the session frees it even if the unlock fails). */
    @Override
    public synchronized void close() {
        if (held && connection != null) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                statement.setLong(1, key);
                statement.execute();
            } catch (SQLException e) {
                log.debug("Unlock failed, the session's end frees the lock: {}", e.getMessage());
            }
        }
        held = false;
        closeConnection();
    }

    private void heartbeat() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(HEARTBEAT)) {
            statement.setLong(1, key);
            statement.setString(2, instanceId);
            statement.setString(3, applicationName);
            statement.executeUpdate();
        } catch (SQLException e) {
            if (!UNDEFINED_TABLE.equals(e.getSQLState())) {
                throw e;
            }
            if (!leaseTableMissingLogged) {
                // Platform migrations off: the lock still elects, only the lease (host-loss takeover) is missing.
                log.warn("Table relay_leader missing: relay leadership has no lease; a vanished leader keeps the lock "
                        + "until its TCP session times out");
                leaseTableMissingLogged = true;
            }
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            Properties props = new Properties();
            props.setProperty("user", db.user());
            if (db.password() != null) {
                props.setProperty("password", db.password());
            }
            props.setProperty("ApplicationName", applicationName);
            props.setProperty("tcpKeepAlive", "true");
            props.setProperty("options", KEEPALIVES);
            props.setProperty("connectTimeout", "5");
            props.setProperty("socketTimeout", "5");
            connection = DriverManager.getConnection(db.jdbcUrl(), props);
            connection.setAutoCommit(true);
        }
        return connection;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Closing the relay lock connection: {}", e.getMessage());
            }
            connection = null;
        }
    }
}
