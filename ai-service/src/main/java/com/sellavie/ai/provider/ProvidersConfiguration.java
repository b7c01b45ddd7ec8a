package com.sellavie.ai.provider;

import com.sellavie.ai.provider.offline.OfflineProvider;
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
    ProviderFactory providerFactory(AiProviderProperties properties, MeterRegistry meters,
            ObjectProvider<ObservationRegistry> observations) {
        return new ProviderFactory(new ProviderGuards(properties.resilience(), meters),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    DeploymentEndpoints deploymentEndpoints(AiProviderProperties properties) {
        return new DeploymentEndpoints(properties);
    }

    @Bean
    BusinessChains businessChains(ProviderFactory factory, MeterRegistry meters) {
        return new BusinessChains(factory, meters);
    }

    @Bean
    ProviderChain providerChain(AiProviderProperties properties, ProviderFactory factory, MeterRegistry meters) {
        List<ChatProvider> providers = properties.providers().stream()
                .map(name -> provider(name.strip(), properties, factory)).toList();
        ProviderChain chain = new ProviderChain(providers, meters);
        log.info("AI provider chain: {}", chain.names());
        return chain;
    }

    private static ChatProvider provider(String name, AiProviderProperties properties, ProviderFactory factory) {
        if (OfflineProvider.NAME.equals(name)) {
            // The last resort: no network, nothing to guard.
            return new OfflineProvider();
        }
        AiProviderProperties.Endpoint endpoint = properties.endpoints().get(name);
        if (endpoint == null) {
            throw new IllegalStateException("Unknown AI provider '" + name + "' in sellavie.ai.providers: use "
                    + OfflineProvider.NAME + " or one of sellavie.ai.endpoints " + properties.endpoints().keySet());
        }
        ProviderEndpoint built = endpoint.toEndpoint(name);
        log.info("AI provider {}: {}", name, built);
        return factory.create(name, built);
    }
}
