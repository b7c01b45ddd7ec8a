package com.sellavie.platform.tenancy;

import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out connections that carry the current tenant to PostgreSQL, where row-level-security
 * policies read it: session settings {@code sellavie.business_id} and {@code sellavie.global_lookup}.
 *
 * <p>The settings are synchronised lazily, just before a statement is created, whenever the thread's
 * tenant context differs from what the connection last received: so the first statement after a
 * checkout always sets them (a pooled connection's past is never trusted), and a context that
 * changes inside a transaction (a global lookup) reaches the database too. Inside a transaction they
 * are set transaction-locally ({@code set_config(..., true)}): PostgreSQL drops them at commit or
 * rollback, so nothing is left to clear and the connection carries no tenant once the transaction
 * ends, whatever happens next. Outside one (autocommit) they are set for the session and cleared when
 * the connection goes back to the pool. Either way a commit or rollback makes what the connection
 * holds unknown again, so the next statement sets the settings anew.
 */
public class TenantScopedDataSource extends DelegatingDataSource implements Closeable {

    static final String BUSINESS_ID_SETTING = "sellavie.business_id";
    static final String GLOBAL_LOOKUP_SETTING = "sellavie.global_lookup";

    private static final Logger log = LoggerFactory.getLogger(TenantScopedDataSource.class);
    private static final String APPLY_FOR_SESSION = "SELECT set_config('" + BUSINESS_ID_SETTING
            + "', ?, false), set_config('" + GLOBAL_LOOKUP_SETTING + "', ?, false)";
    private static final String APPLY_FOR_TRANSACTION = "SELECT set_config('" + BUSINESS_ID_SETTING
            + "', ?, true), set_config('" + GLOBAL_LOOKUP_SETTING + "', ?, true)";
    private static final Set<String> STATEMENT_FACTORIES = Set.of("createStatement", "prepareStatement",
            "prepareCall");

    public TenantScopedDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return scoped(obtainTargetDataSource().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return scoped(obtainTargetDataSource().getConnection(username, password));
    }

    /** Closes the wrapped pool: the container infers a bean's destroy method from the wrapper, not the pool. */
    @Override
    public void close() throws IOException {
        if (obtainTargetDataSource() instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }

    private static Connection scoped(Connection target) {
        return (Connection) Proxy.newProxyInstance(TenantScopedDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new TenantScopedConnection(target));
    }

    /** What one checkout has told PostgreSQL; {@code null} means "unknown". */
    private static final class TenantScopedConnection implements InvocationHandler {

        private final Connection target;
        private String appliedBusinessId;
        private String appliedLookup;
        /** Whether this checkout gave the connection's session a tenant or a lookup (to clear on return). */
        private boolean dirty;

        TenantScopedConnection(Connection target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            switch (name) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "TenantScopedConnection[" + target + "]";
                case "close":
                    clearBeforeReturn();
                    break;
                default:
                    if (STATEMENT_FACTORIES.contains(name)) {
                        synchronise();
                    }
            }
            try {
                Object result = method.invoke(target, args);
                if (name.equals("rollback") || name.equals("commit")) {
                    forget();
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getTargetException();
            }
        }

        private void synchronise() throws SQLException {
            String businessId = TenantContext.currentBusinessId().map(UUID::toString).orElse("");
            String lookup = Objects.requireNonNullElse(TenantContext.currentGlobalLookup(), "");
            if (!businessId.equals(appliedBusinessId) || !lookup.equals(appliedLookup)) {
                apply(businessId, lookup, !target.getAutoCommit());
            }
        }

        private void apply(String businessId, String lookup, boolean inTransaction) throws SQLException {
            try (PreparedStatement set = target.prepareStatement(inTransaction ? APPLY_FOR_TRANSACTION
                    : APPLY_FOR_SESSION)) {
                set.setString(1, businessId);
                set.setString(2, lookup);
                set.execute();
            } catch (SQLException e) {
                forget();
                throw e;
            }
            appliedBusinessId = businessId;
            appliedLookup = lookup;
            dirty |= !inTransaction && (!businessId.isEmpty() || !lookup.isEmpty());
        }

        private void forget() {
            appliedBusinessId = null;
            appliedLookup = null;
        }

        /**
         * Clears the session's settings before the pool takes the connection back, if this checkout set
         * any for the session and they are not known to be empty again. Skipped inside an open
         * transaction: the pool's rollback would undo it, and the next checkout's synchronisation covers
         * that case anyway.
         */
        private void clearBeforeReturn() {
            if (!dirty || "".equals(appliedBusinessId) && "".equals(appliedLookup)) {
                return;
            }
            try {
                if (!target.isClosed() && target.getAutoCommit()) {
                    apply("", "", false);
                }
            } catch (SQLException e) {
                log.debug("Could not clear the tenant settings of a connection returned to the pool: {}",
                        e.getMessage());
            }
        }
    }
}
