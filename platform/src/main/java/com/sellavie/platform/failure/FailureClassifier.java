package com.sellavie.platform.failure;

import com.microsoft.kiota.ApiException;
import io.vertx.core.http.HttpClosedException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.util.ClassUtils;

/**
 * Classifies a failure as {@link FailureKind#TRANSIENT} when any exception of its cause chain is one
 * a later retry can get past, and {@link FailureKind#PERMANENT} otherwise:
 * <ul>
 *   <li>the {@link TransientFailure} marker;</li>
 *   <li>timeouts: {@link SocketTimeoutException}, {@link TimeoutException}, {@link HttpTimeoutException},
 *       Kafka's and JPA's timeouts, and any other {@code *TimeoutException} (Netty, Vert.x);</li>
 *   <li>the network: {@link SocketException} (connection refused or reset, no route to host),
 *       {@link UnknownHostException} (name resolution while connecting), a connection closed under
 *       a request ({@link ClosedChannelException}, Vert.x's {@link HttpClosedException}, as the
 *       registry client sees a registry going away);</li>
 *   <li>the database: Spring's {@link TransientDataAccessException} (lock, deadlock, serialization
 *       failure, query timeout), {@link RecoverableDataAccessException},
 *       {@link DataAccessResourceFailureException} (no connection), {@link CannotCreateTransactionException},
 *       {@link SQLTransientException}, {@link SQLRecoverableException}, and the SQLStates of connection
 *       loss (08xxx), serialization failure (40001), deadlock (40P01), lock not available (55P03),
 *       statement timeout (57014), shutdown (57P01-57P03) and insufficient resources (53xxx);</li>
 *   <li>Kafka's {@link RetriableException};</li>
 *   <li>an HTTP answer 5xx, 429 or 408: from the schema registry's client (Kiota's {@link ApiException})
 *       or Spring's HTTP clients.</li>
 * </ul>
 * Everything else (validation, illegal arguments or state, constraint violations such as a unique
 * key, undecodable records, a missing or malformed tenant) is permanent: retrying changes nothing.
 */
public final class FailureClassifier {

    private static final int MAX_DEPTH = 32;
    private static final boolean SPRING_WEB = ClassUtils.isPresent(
            "org.springframework.web.client.RestClientResponseException", FailureClassifier.class.getClassLoader());

    private FailureClassifier() {
    }

    public static FailureKind classify(Throwable failure) {
        return isTransient(failure) ? FailureKind.TRANSIENT : FailureKind.PERMANENT;
    }

    /** True when some exception of {@code failure}'s cause chain (suppressed ones aside) is transient. */
    public static boolean isTransient(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH && seen.add(current); depth++) {
            if (isTransientItself(current)) {
                return true;
            }
            // A failed rollback hides the failure that caused it outside the cause chain: a lost
            // connection typically fails the statement (the application exception), then the rollback.
            if (current instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && isTransient(rollback.getApplicationException())) {
                return true;
            }
            current = current.getCause();
        }
        return false;
    }

    private static boolean isTransientItself(Throwable t) {
        return t instanceof TransientFailure
                || isTimeout(t)
                || t instanceof SocketException
                || t instanceof UnknownHostException
                || t instanceof ClosedChannelException
                || t instanceof HttpClosedException
                || t instanceof TransientDataAccessException
                || t instanceof RecoverableDataAccessException
                || t instanceof DataAccessResourceFailureException
                || t instanceof CannotCreateTransactionException
                || t instanceof SQLTransientException
                || t instanceof SQLRecoverableException
                || t instanceof SQLException sql && (isTransientSqlState(sql.getSQLState()) || isClosedPoolConnection(sql))
                || t instanceof RetriableException
                || t instanceof ApiException api && isTransientHttpStatus(api.getResponseStatusCode())
                || SPRING_WEB && SpringWeb.isTransientResponse(t);
    }

    private static boolean isTimeout(Throwable t) {
        return t instanceof SocketTimeoutException
                || t instanceof TimeoutException
                || t instanceof HttpTimeoutException
                // Kafka's, JPA's, Netty's and Vert.x's timeouts share no type, only the name.
                || t.getClass().getSimpleName().endsWith("TimeoutException");
    }

    /**
     * HikariCP's answer on a connection it already evicted (the server went away under it): "Connection
     * is closed", with no SQLState. A new connection from the pool gets past it.
     */
    private static boolean isClosedPoolConnection(SQLException sql) {
        return sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage());
    }

    /** PostgreSQL (and standard) SQLStates a retry can get past. */
    static boolean isTransientSqlState(String state) {
        if (state == null || state.length() != 5) {
            return false;
        }
        return state.startsWith("08")          // connection exception
                || state.startsWith("53")      // insufficient resources (disk, memory, connections)
                || state.equals("40001")       // serialization failure
                || state.equals("40P01")       // deadlock detected
                || state.equals("55P03")       // lock not available (NOWAIT, lock_timeout)
                || state.equals("57014")       // statement cancelled (statement_timeout)
                || state.equals("57P01")       // admin shutdown
                || state.equals("57P02")       // crash shutdown
                || state.equals("57P03");      // cannot connect now (starting up, recovering)
    }

    static boolean isTransientHttpStatus(int status) {
        return status >= 500 || status == 429 || status == 408;
    }

    /** Loaded only when spring-web is on the class path. */
    private static final class SpringWeb {

        static boolean isTransientResponse(Throwable t) {
            return t instanceof org.springframework.web.client.RestClientResponseException response
                    && isTransientHttpStatus(response.getStatusCode().value());
        }
    }
}
