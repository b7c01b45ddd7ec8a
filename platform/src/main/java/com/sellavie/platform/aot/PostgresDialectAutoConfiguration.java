package com.sellavie.platform.aot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.jdbc.core.dialect.JdbcPostgresDialect;

/**
 * Spring Data JDBC's dialect, named: every service's database is PostgreSQL. Boot's own {@code jdbcDialect}
 * bean asks the database which it is, so Spring AOT, which builds the repositories' metadata at build time
 * with no database, could not create it (as Boot's reference says for AOT). It also spares a start-up query.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration")
@ConditionalOnClass(JdbcPostgresDialect.class)
public class PostgresDialectAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JdbcDialect jdbcDialect() {
        return JdbcPostgresDialect.INSTANCE;
    }
}
