package com.sellavie.ai.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AiProviderPropertiesTest {

    @Test
    void theKindDefaultsToTheEndpointsName() {
        var endpoint = new AiProviderProperties.Endpoint(null, "https://api.anthropic.com", "sk-ant-x", "claude-haiku-4-5",
                null, 0, null).toEndpoint("anthropic");

        assertThat(endpoint.kind()).isEqualTo(ProviderKind.ANTHROPIC);
        assertThat(endpoint.timeout()).isEqualTo(Duration.ofSeconds(8));
        assertThat(endpoint.maxTokens()).isEqualTo(400);
    }

    @Test
    void anyNameMayCarryAnExplicitKind() {
        var endpoint = new AiProviderProperties.Endpoint("openai", "https://api.openai.com", "sk-second-key", "gpt-4o",
                Duration.ofSeconds(4), 300, null).toEndpoint("openai-backup");

        assertThat(endpoint.kind()).isEqualTo(ProviderKind.OPENAI);
    }

    @Test
    void anUnknownKindStopsTheStartUp() {
        var endpoint = new AiProviderProperties.Endpoint(null, "https://example.test", "k", "m", null, 0, null);

        assertThatThrownBy(() -> endpoint.toEndpoint("mistral")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("openai, groq, anthropic or ollama");
    }

    @Test
    void resilienceDefaults() {
        var resilience = new AiProviderProperties(null, null, null).resilience();

        assertThat(resilience.failureRateThreshold()).isEqualTo(50);
        assertThat(resilience.minimumNumberOfCalls()).isEqualTo(5);
        assertThat(resilience.waitInOpenState()).isEqualTo(Duration.ofSeconds(30));
        assertThat(resilience.rejectedKeyPause()).isEqualTo(Duration.ofMinutes(10));
        assertThat(resilience.maxConcurrentCalls()).isEqualTo(200);
    }
}
