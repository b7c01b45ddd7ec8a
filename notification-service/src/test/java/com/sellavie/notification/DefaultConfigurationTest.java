package com.sellavie.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The defaults in application.yml, read without the machine's environment variables. */
class DefaultConfigurationTest {

    @Test
    void defaultsPointAtTheLocalStackAndThisServicesOwnDatabase() throws IOException {
        ConfigurableEnvironment environment = new AbstractEnvironment() { };
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);

        assertThat(environment.getProperty("spring.application.name")).isEqualTo("notification-service");
        assertThat(environment.getProperty("server.port")).isEqualTo("8086");
        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://localhost:55432/sellavie_notification");
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("localhost:9092");
        assertThat(environment.getProperty("sellavie.schema-registry.url")).isEqualTo("http://localhost:8090");
    }

    @Test
    void databaseRolesHaveNoDefaultSoAServiceWithoutThemStopsNamingTheVariable() throws IOException {
        ConfigurableEnvironment environment = new AbstractEnvironment() { };
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);

        assertThatThrownBy(() -> environment.getProperty("spring.datasource.username"))
                .hasMessageContaining("SELLAVIE_DB_USER");
        assertThatThrownBy(() -> environment.getProperty("spring.flyway.user"))
                .hasMessageContaining("SELLAVIE_DB_OWNER_USER");
        // Flyway connects on its own, to the service's database.
        assertThat(environment.getProperty("spring.flyway.url"))
                .isEqualTo("jdbc:postgresql://localhost:55432/sellavie_notification");
    }
}
