package com.sellavie.platform.tenancy;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Says loudly at start-up when the service's database role bypasses row-level security (a
 * superuser, or BYPASSRLS): tenancy is then not enforced by the database at all.
 */
class RowLevelSecurityBypassWarning implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(RowLevelSecurityBypassWarning.class);

    private final DataSource dataSource;

    RowLevelSecurityBypassWarning(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        try {
            Boolean bypasses = new JdbcTemplate(dataSource).queryForObject(
                    "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user", Boolean.class);
            if (Boolean.TRUE.equals(bypasses)) {
                log.warn("The database role of this service bypasses row-level security (superuser or BYPASSRLS):"
                        + " tenant isolation is NOT enforced by the database. Connect as a non-superuser role.");
            }
        } catch (DataAccessException e) {
            log.debug("Could not check whether the database role bypasses row-level security: {}", e.getMessage());
        }
    }
}
