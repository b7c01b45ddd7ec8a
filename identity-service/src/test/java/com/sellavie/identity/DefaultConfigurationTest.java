package com.sellavie.identity;

import static org.assertj.core.api.Assertions.assertThat;

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

        assertThat(environment.getProperty("spring.application.name")).isEqualTo("identity-service");
        assertThat(environment.getProperty("server.port")).isEqualTo("8081");
        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://localhost:55432/sellavie_identity");
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("localhost:9092");
        assertThat(environment.getProperty("sellavie.schema-registry.url")).isEqualTo("http://localhost:8090");
        assertThat(environment.getProperty("sellavie.identity.access-token-ttl")).isEqualTo("15m");
        // No signing key by default: the service refuses to start until one is configured.
        assertThat(environment.getProperty("sellavie.identity.jwt.private-key-file")).isEmpty();
        assertThat(environment.getProperty("sellavie.tenancy.global-lookups[0]")).isEqualTo("login-by-email");
        assertThat(environment.getProperty("sellavie.tenancy.global-lookups[1]")).isEqualTo("email-taken");
    }
}
