package com.sellavie.ai.provider;

import com.sellavie.ai.provider.offline.OfflineProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoints this deployment configured ({@code sellavie.ai.endpoints.*}) and {@code offline}: the
 * providers a business may put in its own order. A business picks an endpoint by name and may bring
 * its own key and model for it; the base URL, API flavour and timeout stay the deployment's (a
 * merchant never points the service at an address of their choosing).
 */
public final class DeploymentEndpoints {

    private static final Logger log = LoggerFactory.getLogger(DeploymentEndpoints.class);

    private final Map<String, ProviderEndpoint> endpoints;

    DeploymentEndpoints(AiProviderProperties properties) {
        Map<String, ProviderEndpoint> built = new LinkedHashMap<>();
        properties.endpoints().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            try {
                built.put(entry.getKey(), entry.getValue().toEndpoint(entry.getKey()));
            } catch (RuntimeException e) {
                // Only endpoints named in sellavie.ai.providers must be complete; another one is just not offered.
                log.warn("AI endpoint {} is incomplete and not offered to businesses: {}", entry.getKey(),
                        e.getMessage());
            }
        });
        this.endpoints = Map.copyOf(built);
    }

    /** {@code offline} first, then the endpoints by name. */
    public List<String> names() {
        return Stream.concat(Stream.of(OfflineProvider.NAME), endpoints.keySet().stream().sorted()).toList();
    }

    /** The endpoint of that name with the platform's key and model; empty for {@code offline} or an unknown name. */
    public Optional<ProviderEndpoint> endpoint(String name) {
        return Optional.ofNullable(endpoints.get(name));
    }
}
