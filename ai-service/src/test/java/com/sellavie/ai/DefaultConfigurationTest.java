package com.sellavie.ai;

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

        assertThat(environment.getProperty("spring.application.name")).isEqualTo("ai-service");
        assertThat(environment.getProperty("server.port")).isEqualTo("8084");
        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://localhost:55432/sellavie_ai");
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("localhost:9092");
        assertThat(environment.getProperty("sellavie.schema-registry.url")).isEqualTo("http://localhost:8090");
        assertThat(environment.getProperty("sellavie.ai.providers")).isEqualTo("offline");
        assertThat(environment.getProperty("sellavie.ai.endpoints.openai.base-url"))
                .isEqualTo("https://api.openai.com");
        assertThat(environment.getProperty("sellavie.ai.endpoints.groq.base-url"))
                .isEqualTo("https://api.groq.com/openai");
        assertThat(environment.getProperty("sellavie.ai.endpoints.openai.api-key")).isEmpty();
        assertThat(environment.getProperty("sellavie.ai.endpoints.anthropic.base-url"))
                .isEqualTo("https://api.anthropic.com");
        assertThat(environment.getProperty("sellavie.ai.endpoints.anthropic.api-key")).isEmpty();
        assertThat(environment.getProperty("sellavie.ai.endpoints.ollama.base-url")).isEqualTo("http://localhost:11434");
        assertThat(environment.getProperty("sellavie.ai.endpoints.ollama.api")).isEqualTo("native");
        assertThat(environment.getProperty("sellavie.ai.resilience.rejected-key-pause")).isEqualTo("10m");
        assertThat(environment.getProperty("sellavie.ai.resilience.max-concurrent-calls")).isEqualTo("200");
        assertThat(environment.getProperty("sellavie.ai.commerce-url")).isEqualTo("http://localhost:8085");
        assertThat(environment.getProperty("sellavie.internal.token")).isEmpty();
        // No keyset by default: without one the service refuses to start (KeyCipherTest).
        assertThat(environment.getProperty("sellavie.ai.keyset")).isEmpty();
    }

    @Test
    void commerceCallsHaveShortTimeoutsAndTheHandoverRunsEveryThirtySeconds() throws IOException {
        ConfigurableEnvironment environment = new AbstractEnvironment() { };
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);

        assertThat(environment.getProperty("spring.cloud.openfeign.client.config.commerce-catalog.connect-timeout"))
                .isEqualTo("2000");
        assertThat(environment.getProperty("spring.cloud.openfeign.client.config.commerce-catalog.read-timeout"))
                .isEqualTo("5000");
        assertThat(environment.getProperty("sellavie.ai.legacy-handover-interval")).isEqualTo("30s");
    }

    @Test
    void replyJobsAndShutdownDefaultsFitTheTenSecondStop() throws IOException {
        ConfigurableEnvironment environment = new AbstractEnvironment() { };
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);

        assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
        assertThat(environment.getProperty("sellavie.ai.reply-workers")).isEqualTo("200");
        assertThat(environment.getProperty("sellavie.ai.retry-horizon")).isEqualTo("15m");
        assertThat(environment.getProperty("sellavie.ai.reply-max-age")).isEqualTo("10m");
        assertThat(environment.getProperty("sellavie.ai.reply-shutdown-grace")).isEqualTo("5s");
        assertThat(environment.getProperty("sellavie.ai.endpoints.openai.timeout")).isEqualTo("8s");
        assertThat(environment.getProperty("sellavie.ai.endpoints.groq.timeout")).isEqualTo("8s");
        assertThat(environment.getProperty("sellavie.tenancy.global-lookups[0]")).isEqualTo("reply-jobs-due");
        assertThat(environment.getProperty("spring.kafka.listener.concurrency")).isEqualTo("3");
    }
}
