package com.sellavie.commerce;

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

        assertThat(environment.getProperty("spring.application.name")).isEqualTo("commerce-service");
        assertThat(environment.getProperty("server.port")).isEqualTo("8085");
        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://localhost:55432/sellavie_commerce");
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("localhost:9092");
        assertThat(environment.getProperty("sellavie.schema-registry.url")).isEqualTo("http://localhost:8090");
        assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
        assertThat(environment.getProperty("sellavie.commerce.payments.public-base-url"))
                .isEqualTo("http://localhost:8080");
        // Secrets have no default: without them the service refuses to start (keyset) or closes /internal, /ops.
        assertThat(environment.getProperty("sellavie.commerce.encryption.keyset-file")).isEmpty();
        assertThat(environment.getProperty("sellavie.internal.token")).isEmpty();
        assertThat(environment.getProperty("sellavie.ops.token")).isEmpty();
        assertThat(environment.getProperty("sellavie.tenancy.global-lookups[0]")).isEqualTo("payment-endpoint-by-id");
    }
}
