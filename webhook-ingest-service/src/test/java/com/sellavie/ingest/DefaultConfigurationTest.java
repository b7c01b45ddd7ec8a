package com.sellavie.ingest;

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

        assertThat(environment.getProperty("spring.application.name")).isEqualTo("webhook-ingest-service");
        assertThat(environment.getProperty("server.port")).isEqualTo("8082");
        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://localhost:55432/sellavie_ingest");
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("localhost:9092");
        assertThat(environment.getProperty("sellavie.schema-registry.url")).isEqualTo("http://localhost:8090");
        assertThat(environment.getProperty("sellavie.ingest.unroutable.retention")).isEqualTo("7d");
        // No operator token unless one is given: /ops/** closed.
        assertThat(environment.getProperty("sellavie.ops.token")).isEmpty();
        // Payment webhooks: commerce on the local stack's port, asked with the (unset) service token.
        assertThat(environment.getProperty("sellavie.commerce.url")).isEqualTo("http://localhost:8085");
        assertThat(environment.getProperty("sellavie.internal.token")).isEmpty();
        assertThat(environment.getProperty("sellavie.ingest.payments.max-body-size")).isEqualTo("1MB");
        assertThat(environment.getProperty("sellavie.ingest.payments.endpoint-cache.found-ttl")).isEqualTo("60s");
        assertThat(environment.getProperty("sellavie.ingest.payments.endpoint-cache.unknown-ttl")).isEqualTo("10s");
        assertThat(environment.getProperty("spring.cloud.openfeign.client.config.commerce-endpoints.connect-timeout"))
                .isEqualTo("1000");
        assertThat(environment.getProperty("spring.cloud.openfeign.client.config.commerce-endpoints.read-timeout"))
                .isEqualTo("2000");
    }
}
