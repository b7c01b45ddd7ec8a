package com.sellavie.platform.security;

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

    private final Jwt jwt = new Jwt();

    public List<String> getPublicPaths() {
        return publicPaths;
    }

    public void setPublicPaths(List<String> publicPaths) {
        this.publicPaths = publicPaths;
    }

    public Jwt getJwt() {
        return jwt;
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
