package com.sellavie.ai.provider;

import com.sellavie.ai.provider.offline.OfflineProvider;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provider chain of a business with its own AI settings: its order, each endpoint with its model,
 * key, reply length and temperature. Built providers are kept (least recently used dropped beyond
 * {@value #KEPT}): a model client is built once per distinct endpoint, not once per reply. They are
 * guarded like the deployment's: the breaker per provider and key (a business's own key has its own),
 * the bulkhead per provider name, shared with every business using that provider.
 */
public final class BusinessChains {

    static final int KEPT = 256;

    private final ProviderFactory factory;
    private final MeterRegistry meters;
    private final Map<Built, ChatProvider> providers = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Built, ChatProvider> eldest) {
            return size() > KEPT;
        }
    };

    public BusinessChains(ProviderFactory factory, MeterRegistry meters) {
        this.factory = factory;
        this.meters = meters;
    }

    /**
     * One provider of a business's order ({@code toString} masks the key, as the endpoint's does).
     *
     * @param endpoint null for {@code offline}
     */
    public record Link(String name, ProviderEndpoint endpoint) {

        public static Link offline() {
            return new Link(OfflineProvider.NAME, null);
        }
    }

    /** The chain trying {@code links} in order. */
    public ProviderChain chain(List<Link> links) {
        return new ProviderChain(links.stream().map(this::provider).toList(), meters);
    }

    private ChatProvider provider(Link link) {
        if (link.endpoint() == null) {
            return new OfflineProvider();
        }
        Built key = new Built(link.name(), link.endpoint());
        synchronized (providers) {
            return providers.computeIfAbsent(key, built -> factory.create(built.name(), built.endpoint()));
        }
    }

    /** An endpoint as built; its key stays in memory only (the record's toString masks it). */
    private record Built(String name, ProviderEndpoint endpoint) {
    }
}
