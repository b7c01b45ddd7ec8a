package com.sellavie.ingest.routing;

import com.sellavie.ingest.routing.RouteCache.Lookup;
import com.sellavie.platform.tenancy.Tenancy;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Finds the business a webhook message belongs to. A webhook carries no tenant, so this is one of
 * the platform's named global lookups ({@value #LOOKUP}, allowed in application.yml). Found routes are kept in
 * memory ({@link RouteCache}) unless {@code sellavie.ingest.route-cache.enabled} is false.
 */
@Component
public class ChannelRouter {

    static final String LOOKUP = "route-by-channel-id";

    private final ChannelRoutes routes;
    private final Tenancy tenancy;
    private final RouteCache cache;

    ChannelRouter(ChannelRoutes routes, Tenancy tenancy, Optional<RouteCache> cache) {
        this.routes = routes;
        this.tenancy = tenancy;
        this.cache = cache.orElse(null);
    }

    /**
     * Instagram, layered: the Instagram account id, else the Facebook Page the account is linked to (a
     * channel connected through a Page). Messenger: the Page id (the channel's external id).
     */
    public Optional<ChannelRoute> route(String channelType, String externalId) {
        return cached(new Lookup(channelType, externalId, null, null), () -> routes.find(channelType, "external_id",
                externalId).or(() -> "INSTAGRAM".equals(channelType) ? routes.find(channelType, "page_id", externalId)
                        : Optional.empty()));
    }

    /**
     * WhatsApp, layered: the phone_number_id, else the display number (digits only), else the WABA id
     * (a business with one connected number on that account).
     */
    public Optional<ChannelRoute> routeWhatsApp(String phoneNumberId, String displayPhoneNumber, String wabaId) {
        return cached(new Lookup("WHATSAPP", phoneNumberId, displayPhoneNumber, wabaId),
                () -> routes.find("WHATSAPP", "external_id", phoneNumberId)
                .or(() -> displayPhoneNumber == null ? Optional.empty()
                        : routes.find("WHATSAPP", "display_phone_number", displayPhoneNumber))
                .or(() -> wabaId == null ? Optional.empty() : routes.find("WHATSAPP", "waba_id", wabaId)));
    }

    /**
     * What {@link #route} answers from memory, without asking PostgreSQL: empty when the route is not kept there (or
     * no cache is configured), in which case {@link #route} must be asked.
     */
    public Optional<ChannelRoute> routeInMemory(String channelType, String externalId) {
        return cache == null ? Optional.empty() : cache.kept(new Lookup(channelType, externalId, null, null));
    }

    /** What {@link #routeWhatsApp} answers from memory, as {@link #routeInMemory}. */
    public Optional<ChannelRoute> routeWhatsAppInMemory(String phoneNumberId, String displayPhoneNumber, String wabaId) {
        return cache == null ? Optional.empty()
                : cache.kept(new Lookup("WHATSAPP", phoneNumberId, displayPhoneNumber, wabaId));
    }

    private Optional<ChannelRoute> cached(Lookup lookup, Supplier<Optional<ChannelRoute>> layers) {
        Supplier<Optional<ChannelRoute>> load = () -> tenancy.globalLookup(LOOKUP, layers);
        return cache == null ? load.get() : cache.route(lookup, load);
    }
}
