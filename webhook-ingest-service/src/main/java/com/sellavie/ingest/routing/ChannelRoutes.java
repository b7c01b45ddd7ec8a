package com.sellavie.ingest.routing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code channel_routes} table. Writes run as the channel's tenant; reads by external id run
 * across tenants (a webhook has no tenant yet) and only inside the caller's global lookup.
 */
@Repository
class ChannelRoutes {

    /**
     * Applies an event unless a newer one for the channel was applied already (compacted-topic replays
     * and reconnects after a disconnect arrive in any order across partitions).
     */
    private static final String UPSERT = """
            INSERT INTO channel_routes (channel_id, business_id, channel_type, external_id, page_id, waba_id,
                                        display_phone_number, active, changed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (channel_id) DO UPDATE SET
                channel_type = EXCLUDED.channel_type, external_id = EXCLUDED.external_id,
                page_id = EXCLUDED.page_id, waba_id = EXCLUDED.waba_id,
                display_phone_number = EXCLUDED.display_phone_number,
                active = EXCLUDED.active, changed_at = EXCLUDED.changed_at
            WHERE channel_routes.changed_at <= EXCLUDED.changed_at""";
    // Newest connection first: if two businesses briefly both hold a channel (a disconnect and a
    // reconnect by another business, delivered out of order), the later connection owns it.
    private static final String BY = """
            SELECT business_id, channel_id, external_id FROM channel_routes
            WHERE active AND channel_type = ? AND %s = ? ORDER BY changed_at DESC LIMIT 1""";

    private final JdbcTemplate jdbc;
    private final RouteCache cache;

    ChannelRoutes(JdbcTemplate jdbc, Optional<RouteCache> cache) {
        this.jdbc = jdbc;
        this.cache = cache.orElse(null);
    }

    void save(UUID channelId, UUID businessId, String channelType, String externalId, String pageId, String wabaId,
            String displayPhoneNumber, boolean active, Instant changedAt) {
        if (cache != null) {
            cache.routesWrittenInThisTransaction();
        }
        jdbc.update(UPSERT, channelId, businessId, channelType, externalId, pageId, wabaId, displayPhoneNumber,
                active, Timestamp.from(changedAt));
    }

    Optional<ChannelRoute> find(String channelType, String column, String value) {
        if (!List.of("external_id", "page_id", "display_phone_number", "waba_id").contains(column)) {
            throw new IllegalArgumentException("Not a routing column: " + column);
        }
        return jdbc.query(BY.formatted(column), (rs, n) -> new ChannelRoute(rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class), rs.getString(3), column), channelType, value).stream().findFirst();
    }
}
