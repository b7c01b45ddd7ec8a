package com.sellavie.platform.relay;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The election of a database's relay: a session-level advisory lock held on a dedicated connection
 * (not a pooled one, which a pool could recycle). The lock lives as long as that session, so a leader
 * whose process or connection dies frees it at once for a standby.
 */
class LeaderLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LeaderLock.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final RelayDatabase db;
    private final long key;
    private final String applicationName;
    private Connection connection;
    private boolean held;

    LeaderLock(RelayDatabase db, long key, String applicationName) {
        this.db = db;
        this.key = key;
        this.applicationName = applicationName;
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
        } catch (SQLException e) {
            log.warn("Relay lock on {} unavailable: {}", db, e.getMessage());
            closeConnection();
        }
        return held;
    }

    /** True while the lock's session is alive; a leader that sees false has lost the lock. */
    synchronized boolean stillHeld() {
        if (!held) {
            return false;
        }
        try {
            if (connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                return true;
            }
        } catch (SQLException e) {
            log.warn("Relay lock connection check failed: {}", e.getMessage());
        }
        held = false;
        closeConnection();
        return false;
    }

    synchronized boolean isHeld() {
        return held;
    }

    /** Application name of the session that holds the lock, if any (for health details). */
    synchronized String holder() {
        String sql = """
                SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 1""";
        try (PreparedStatement statement = connection().prepareStatement(sql)) {
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

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            Properties props = new Properties();
            props.setProperty("user", db.user());
            if (db.password() != null) {
                props.setProperty("password", db.password());
            }
            props.setProperty("ApplicationName", applicationName);
            props.setProperty("tcpKeepAlive", "true");
            props.setProperty("connectTimeout", "5");
            props.setProperty("socketTimeout", "10");
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
