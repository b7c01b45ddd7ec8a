package com.sellavie.platform.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** What a service opens to callers without a token, and what it requires of the tokens it accepts. */
@ConfigurationProperties("sellavie.security")
public class SecurityProperties {

    /**
     * Path patterns answered without a JWT (e.g. {@code /webhooks/**}, verified by their own
     * signatures, or {@code /api/auth/**}). Health and metrics endpoints are always open.
     */
    private List<String> publicPaths = new ArrayList<>();

    /**
     * Path patterns whose requests prove themselves by a signature the service checks on the raw bytes
     * (e.g. {@code /webhooks/**}): they skip the token chain entirely, as they do at the gateway. No bearer
     * token is read and no security header written for them; only Spring Security's request firewall applies.
     */
    private List<String> signedPaths = new ArrayList<>();

    /**
     * Whether Spring Security also observes each filter of its chain and each authorization decision (a
     * timer and a trace span each). Off: a request is still observed as a request ({@code http.server.requests}
     * and its span) and authentications still are; the per-filter observations were ~20 % of a webhook's CPU
     * in ingest's profile. On for debugging the chain itself.
     */
    private boolean filterObservations;

    private final Jwt jwt = new Jwt();

    private final Jwks jwks = new Jwks();

    public List<String> getPublicPaths() {
        return publicPaths;
    }

    public void setPublicPaths(List<String> publicPaths) {
        this.publicPaths = publicPaths;
    }

    public List<String> getSignedPaths() {
        return signedPaths;
    }

    public void setSignedPaths(List<String> signedPaths) {
        this.signedPaths = signedPaths;
    }

    /** Every path answered without a token: the public ones and the signed ones. */
    public List<String> tokenlessPaths() {
        List<String> all = new ArrayList<>(publicPaths);
        all.addAll(signedPaths);
        return all;
    }

    public boolean isFilterObservations() {
        return filterObservations;
    }

    public void setFilterObservations(boolean filterObservations) {
        this.filterObservations = filterObservations;
    }

    public Jwt getJwt() {
        return jwt;
    }

    public Jwks getJwks() {
        return jwks;
    }

    /** How identity's JWKS (at {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}) is cached. */
    public static class Jwks {

        /** How long a fetched key set is used before it is fetched again (refreshed ahead in the background). */
        private Duration cacheTtl = Duration.ofMinutes(5);
        /**
         * A token with an unknown {@code kid} (a rotation, or a forgery) fetches the JWKS again at most
         * twice per this interval; shorter than {@link #cacheTtl}.
         */
        private Duration refetchMinInterval = Duration.ofSeconds(30);

        public Duration getCacheTtl() {
            return cacheTtl;
        }

        public void setCacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
        }

        public Duration getRefetchMinInterval() {
            return refetchMinInterval;
        }

        public void setRefetchMinInterval(Duration refetchMinInterval) {
            this.refetchMinInterval = refetchMinInterval;
        }
    }

    /** The issuer and audience every access token must name (identity issues them with the same values). */
    public static class Jwt {

        /** {@code iss} of every access token (env {@code SELLAVIE_JWT_ISSUER}). */
        private String issuer = "sellavie-identity";
        /** A value {@code aud} must contain (env {@code SELLAVIE_JWT_AUDIENCE}). */
        private String audience = "sellavie-api";

        public String getIssuer() {
            return issuer;
        }

        public void setIssuer(String issuer) {
            this.issuer = issuer;
        }

        public String getAudience() {
            return audience;
        }

        public void setAudience(String audience) {
            this.audience = audience;
        }
    }
}
