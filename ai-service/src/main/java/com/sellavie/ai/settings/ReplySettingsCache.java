package com.sellavie.ai.settings;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each business's reply settings as last built (provider order resolved, keys decrypted), kept with the stamp of the
 * {@code ai_settings} row they were built from. A reply reads only the stamp (one primary-key lookup, no child
 * tables, no decryption) and the settings are built again only when it moved: a save on any instance is seen by the
 * next reply on every instance, with nothing to invalidate. (Loading the aggregate for every reply was 8.6 % of ai's
 * CPU samples in the DM benchmark, for businesses that saved no settings at all: docs/benchmarks.md.)
 *
 * <p>Decrypted keys stay in memory here as they do in the providers {@code BusinessChains} keeps built from them, for
 * the {@value #KEPT} businesses used last.
 */
final class ReplySettingsCache {

    static final int KEPT = 1024;
    private static final String STAMP = "SELECT version, updated_at FROM ai_settings WHERE business_id = ?";

    /** What identifies one saved version of a row: the version restarts if the row is deleted and saved again. */
    record Stamp(int version, Instant updatedAt) {

        static Stamp of(AiSettings stored) {
            return new Stamp(stored.version() == null ? 0 : stored.version(), stored.updatedAt());
        }
    }

    private record Built(Stamp stamp, ReplySettings settings) {
    }

    private final JdbcTemplate jdbc;
    private final Map<UUID, Built> built = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Built> eldest) {
            return size() > KEPT;
        }
    };

    ReplySettingsCache(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The business's reply settings: the kept ones while its row still has their stamp, else {@code build} of what
     * {@code load} reads, kept under that row's stamp. Empty (and nothing kept) when the business has no row. Runs as
     * the business, in the caller's transaction.
     */
    Optional<ReplySettings> get(UUID businessId, Supplier<Optional<AiSettings>> load,
            Function<AiSettings, ReplySettings> build) {
        List<Stamp> stamps = jdbc.query(STAMP, (rs, n) -> new Stamp(rs.getInt(1),
                rs.getObject(2, OffsetDateTime.class).toInstant()), businessId);
        if (stamps.isEmpty()) {
            forget(businessId);
            return Optional.empty();
        }
        Built kept;
        synchronized (built) {
            kept = built.get(businessId);
        }
        if (kept != null && kept.stamp().equals(stamps.getFirst())) {
            return Optional.of(kept.settings());
        }
        Optional<AiSettings> stored = load.get();
        if (stored.isEmpty()) {
            forget(businessId);
            return Optional.empty();
        }
        ReplySettings settings = build.apply(stored.get());
        synchronized (built) {
            built.put(businessId, new Built(Stamp.of(stored.get()), settings));
        }
        return Optional.of(settings);
    }

    private void forget(UUID businessId) {
        synchronized (built) {
            built.remove(businessId);
        }
    }
}
