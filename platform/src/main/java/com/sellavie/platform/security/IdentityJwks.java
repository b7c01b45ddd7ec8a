package com.sellavie.platform.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.jwk.source.RateLimitedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.List;

/**
 * Identity's public signing keys, as a resource server holds them: the JWKS is cached for
 * {@code cacheTtl} (refreshed ahead of expiry in the background) and fetched again on a token with an
 * unknown {@code kid} (a key rotation) at most twice per {@code refetchMinInterval}, Nimbus' rate limit,
 * so tokens with made-up key ids cannot turn every request into a JWKS fetch. A token whose key is
 * unknown while the limit holds is refused (401) like any token signed by no known key.
 *
 * <p>Meter {@code sellavie.jwks.refetch}: {@code outcome=fetched} per JWKS fetched, {@code failed} per
 * fetch that did not answer, {@code rate_limited} per fetch the limit refused.
 */
public final class IdentityJwks implements JWKSource<SecurityContext>, AutoCloseable {

    /** Meter counting JWKS fetches and the ones the rate limit refused. */
    public static final String REFETCH_METER = "sellavie.jwks.refetch";

    /**
     * Nimbus' default (500 ms), and 2 s, timed out a first fetch on a host at load 80+; a fetch is rare
     * (cache, rate limit), so waiting longer costs little.
     */
    private static final int HTTP_TIMEOUT_MILLIS = 5_000;

    private final JWKSource<SecurityContext> source;
    private final CountingRetriever retriever;

    /** The cached, rate-limited key source of {@code jwkSetUri}. */
    public IdentityJwks(String jwkSetUri, SecurityProperties.Jwks settings, MeterRegistry meters) {
        Counter rateLimited = counter(meters, "rate_limited");
        this.retriever = new CountingRetriever(new DefaultResourceRetriever(HTTP_TIMEOUT_MILLIS, HTTP_TIMEOUT_MILLIS,
                JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT), counter(meters, "fetched"), counter(meters, "failed"));
        this.source = JWKSourceBuilder.<SecurityContext>create(url(jwkSetUri), retriever)
                .cache(settings.getCacheTtl().toMillis(), JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT)
                .refreshAheadCache(JWKSourceBuilder.DEFAULT_REFRESH_AHEAD_TIME, true)
                // Identity down when the cache expires: the keys last fetched keep verifying tokens meanwhile.
                .outageTolerant(true)
                .rateLimited(settings.getRefetchMinInterval().toMillis(), event -> {
                    if (event instanceof RateLimitedJWKSetSource.RateLimitedEvent<?>) {
                        rateLimited.increment();
                    }
                })
                .build();
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        try {
            return source.get(selector, context);
        } catch (RateLimitReachedException limited) {
            if (!retriever.answered()) {
                // Never fetched (identity unreachable since start-up): keys unavailable, not a bad token.
                throw limited;
            }
            // No key for this kid until the limit lets a fetch through: the token is refused as unsigned.
            return List.of();
        }
    }

    /** Stops the background refresh (its thread is not a daemon). */
    @Override
    public void close() throws IOException {
        if (source instanceof Closeable closeable) {
            closeable.close();
        }
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder(REFETCH_METER).tag("outcome", outcome)
                .description("Fetches of identity's JWKS, and the ones the rate limit refused")
                .register(meters);
    }

    private static URL url(String jwkSetUri) {
        try {
            return URI.create(jwkSetUri).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("Not a JWKS URL: " + jwkSetUri, e);
        }
    }

    /** Counts every HTTP fetch of the JWKS: what the cache and the rate limit are there to keep rare. */
    private static final class CountingRetriever implements ResourceRetriever {

        private final ResourceRetriever delegate;
        private final Counter fetched;
        private final Counter failed;
        private volatile boolean answered;

        CountingRetriever(ResourceRetriever delegate, Counter fetched, Counter failed) {
            this.delegate = delegate;
            this.fetched = fetched;
            this.failed = failed;
        }

        /** Whether the JWKS was ever fetched. */
        boolean answered() {
            return answered;
        }

        @Override
        public Resource retrieveResource(URL url) throws IOException {
            try {
                Resource resource = delegate.retrieveResource(url);
                fetched.increment();
                answered = true;
                return resource;
            } catch (IOException | RuntimeException e) {
                failed.increment();
                throw e;
            }
        }
    }
}
