package com.sellavie.conversation;

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

        assertThat(environment.getProperty("spring.application.name")).isEqualTo("conversation-service");
        assertThat(environment.getProperty("server.port")).isEqualTo("8083");
        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://localhost:55432/sellavie_conversation");
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("localhost:9092");
        assertThat(environment.getProperty("sellavie.schema-registry.url")).isEqualTo("http://localhost:8090");
        assertThat(environment.getProperty("sellavie.meta.graph-url")).isEqualTo("https://graph.facebook.com/v23.0");
        // No keyset by default: the service fails closed until SELLAVIE_CONVERSATION_KEYSET_FILE is set.
        assertThat(environment.getProperty("sellavie.conversation.encryption.keyset-file")).isEmpty();
        // Fault injection is off unless a test turns it on.
        assertThat(environment.getProperty("sellavie.fault-injection.halt-at")).isEmpty();
        assertThat(environment.getProperty("sellavie.tenancy.global-lookups[0]")).isEqualTo("channel-by-external-id");
        assertThat(environment.getProperty("sellavie.tenancy.global-lookups[1]")).isEqualTo("outbound-send-queue");
    }

    @Test
    void sendingDefaultsRetryForFifteenMinutesAndStopWithinTenSeconds() throws IOException {
        ConfigurableEnvironment environment = new AbstractEnvironment() { };
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);

        assertThat(environment.getProperty("sellavie.outbound.workers")).isEqualTo("4");
        assertThat(environment.getProperty("sellavie.outbound.lease-duration")).isEqualTo("30s");
        assertThat(environment.getProperty("sellavie.outbound.retry-horizon")).isEqualTo("15m");
        assertThat(environment.getProperty("sellavie.outbound.initial-backoff")).isEqualTo("1s");
        assertThat(environment.getProperty("sellavie.outbound.max-backoff")).isEqualTo("30s");
        assertThat(environment.getProperty("sellavie.outbound.connect-timeout")).isEqualTo("3s");
        assertThat(environment.getProperty("sellavie.outbound.request-timeout")).isEqualTo("8s");
        assertThat(environment.getProperty("sellavie.outbound.replay-max-age")).isEqualTo("10m");
        assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
        assertThat(environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase")).isEqualTo("10s");
        // Listener concurrency comes from the platform default; nothing here forces one thread.
        assertThat(environment.getProperty("spring.kafka.listener.concurrency")).isNull();
    }
}
