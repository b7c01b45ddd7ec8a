package com.sellavie.platform.relay;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.PGStream;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.QueryExecutorBase;
import org.postgresql.core.VisibleBufferedInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until a PostgreSQL connection has bytes to read, or a time has passed, without reading them: the relay's WAL
 * reader calls it when the replication stream had nothing, so a change committed meanwhile is read the moment its
 * bytes arrive. (Debezium instead asks the stream five times, each a 1-ms timed read that ends in an exception, then
 * sleeps its poll interval: a change waited up to that interval, and an idle relay woke ~200 times a second.)
 *
 * <p>pgjdbc has no public way to wait on its socket, so the connection's {@link PGStream} and its buffered input are
 * read from their fields, and the wait is the input's non-blocking fill (the one pgjdbc's own 1-ms check uses) under
 * a longer socket timeout; {@link #available()} says whether that works with the pgjdbc on the class path, and the
 * caller falls back to Debezium's own pause when it does not. Only the WAL reader's thread reads the replication
 * connection; other threads (status updates) only write to it, so peeking beside them is safe.
 */
public final class WalArrival {

    private static final Logger log = LoggerFactory.getLogger(WalArrival.class);
    private static final Optional<Field> PG_STREAM = field(QueryExecutorBase.class, "pgStream", PGStream.class);
    private static final Optional<Field> PG_INPUT = field(PGStream.class, "pgInput", VisibleBufferedInputStream.class);

    private WalArrival() {
    }

    /** Whether waits can be made with the pgjdbc on the class path. */
    public static boolean available() {
        return PG_STREAM.isPresent() && PG_INPUT.isPresent();
    }

    /**
     * Waits up to {@code max} for bytes on the connection (they stay unread, in pgjdbc's buffer). Returns false
     * when it could not wait (no such field, not a pgjdbc connection): the caller pauses its own way. A broken
     * connection ends the wait at once; the next read reports it.
     */
    public static boolean await(Connection connection, Duration max) {
        Optional<PGStream> stream = stream(connection);
        if (stream.isEmpty() || !available()) {
            return false;
        }
        try {
            VisibleBufferedInputStream input = (VisibleBufferedInputStream) PG_INPUT.get().get(stream.get());
            Socket socket = stream.get().getSocket();
            int timeout = socket.getSoTimeout();
            socket.setSoTimeout((int) Math.max(1, max.toMillis()));
            try {
                // Returns at once when bytes are buffered, when some arrive, or false at the timeout; reads nothing away.
                input.ensureBytes(1, false);
            } finally {
                socket.setSoTimeout(timeout);
            }
        } catch (IOException | IllegalAccessException | RuntimeException e) {
            log.debug("Waiting on the replication connection ended early: {}", e.toString());
        }
        return true;
    }

    private static Optional<PGStream> stream(Connection connection) {
        if (PG_STREAM.isEmpty()) {
            return Optional.empty();
        }
        try {
            QueryExecutor executor = connection.unwrap(BaseConnection.class).getQueryExecutor();
            return executor instanceof QueryExecutorBase ? Optional.ofNullable((PGStream) PG_STREAM.get().get(executor))
                    : Optional.empty();
        } catch (SQLException | IllegalAccessException | RuntimeException e) {
            log.debug("No socket to wait on: {}", e.toString());
            return Optional.empty();
        }
    }

    private static Optional<Field> field(Class<?> owner, String name, Class<?> type) {
        try {
            Field field = owner.getDeclaredField(name);
            if (!type.isAssignableFrom(field.getType())) {
                return Optional.empty();
            }
            field.setAccessible(true);
            return Optional.of(field);
        } catch (NoSuchFieldException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
