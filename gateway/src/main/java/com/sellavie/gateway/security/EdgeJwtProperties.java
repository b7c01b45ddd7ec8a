package com.sellavie.gateway.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The access-token check at the edge.
 *
 * @param enabled off only while the issuer does not yet sign tokens with {@code aud}/{@code typ}
 * @param jwkSetUri identity's JWKS (current and previous signing key)
 * @param issuer the {@code iss} every access token carries
 * @param audience the value its {@code aud} must contain
 * @param clockSkew tolerance on {@code exp}/{@code nbf} between hosts
 * @param publicPaths {@code /api/**} paths answered without a token (their token, if any, is ignored)
 * @param denylistTimeout longest wait for one read of the denylist ({@link DenylistReplica})
 * @param denylistRefresh how often this instance reads the denylist again: a revocation reaches it within this
 * @param denylistMaxAge past this age without a successful read the copy is not trusted: tokens get 503
 * @param jwksCacheTtl how long a fetched JWKS is used (refreshed ahead of expiry in the background)
 * @param jwksRefetchMinInterval a token with an unknown {@code kid} fetches the JWKS again at most twice
 *     per this interval (a rotation is picked up within it; made-up key ids cannot force a fetch per request)
 * @param verifiedTokenCacheSize most tokens whose signature and claims are remembered as verified
 * @param verifiedTokenCacheTtl longest a verified token is remembered (else until its {@code exp})
 */
@ConfigurationProperties("sellavie.gateway.jwt")
record EdgeJwtProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("http://localhost:8081/.well-known/jwks.json") String jwkSetUri,
        @DefaultValue("sellavie-identity") String issuer,
        @DefaultValue("sellavie-api") String audience,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue({"/api/auth/login", "/api/auth/signup", "/api/auth/refresh", "/api/auth/logout"})
        List<String> publicPaths,
        @DefaultValue("500ms") Duration denylistTimeout,
        @DefaultValue("1s") Duration denylistRefresh,
        @DefaultValue("5s") Duration denylistMaxAge,
        @DefaultValue("5m") Duration jwksCacheTtl,
        @DefaultValue("30s") Duration jwksRefetchMinInterval,
        @DefaultValue("10000") long verifiedTokenCacheSize,
        @DefaultValue("5m") Duration verifiedTokenCacheTtl) {
}
