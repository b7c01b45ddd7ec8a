package com.sellavie.ai.provider;

import com.sellavie.ai.provider.offline.OfflineProvider;
import com.sellavie.ai.provider.openai.OpenAiCompatibleProvider;
import com.sellavie.ai.provider.openai.OpenAiCompatibleSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the {@link ProviderChain} from {@code sellavie.ai.providers}; an unknown name stops the start-up. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AiProviderProperties.class)
class ProvidersConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProvidersConfiguration.class);

    @Bean
    ProviderChain providerChain(AiProviderProperties properties, MeterRegistry meters,
            ObjectProvider<ObservationRegistry> observations) {
        ObservationRegistry registry = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
        List<ChatProvider> providers = properties.providers().stream()
                .map(name -> provider(name.strip(), properties, registry)).toList();
        ProviderChain chain = new ProviderChain(providers, meters);
        log.info("AI provider chain: {}", chain.names());
        return chain;
    }

    private static ChatProvider provider(String name, AiProviderProperties properties, ObservationRegistry registry) {
        if (OfflineProvider.NAME.equals(name)) {
            return new OfflineProvider();
        }
        OpenAiCompatibleSettings settings = properties.openaiCompatible().get(name);
        if (settings == null) {
            throw new IllegalStateException("Unknown AI provider '" + name + "' in sellavie.ai.providers: use "
                    + OfflineProvider.NAME + " or one of sellavie.ai.openai-compatible " + properties.openaiCompatible()
                    .keySet());
        }
        return new OpenAiCompatibleProvider(name, settings, registry);
    }
}
