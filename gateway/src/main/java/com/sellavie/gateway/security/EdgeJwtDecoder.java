package com.sellavie.gateway.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Decodes an access token as the contract requires: RS256 signature by a key of identity's JWKS
 * ({@link IdentityJwks}: cached; fetched again when a token names an unknown {@code kid}, e.g. after a
 * rotation, under a rate limit),
 * {@code typ} = {@code at+jwt}, {@code exp}, {@code iss}, {@code aud}, the claims the denylist needs. A token
 * that passed is remembered ({@link VerifiedTokens}); the denylist is asked on every request, right after this
 * ({@link DenylistFilter}).
 */
final class EdgeJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;
    private final VerifiedTokens verifiedTokens;
    private final ThrottledLog keyFailureLog = new ThrottledLog(LoggerFactory.getLogger(EdgeJwtDecoder.class),
            Duration.ofSeconds(10));

    EdgeJwtDecoder(EdgeJwtProperties properties, IdentityJwks keys, VerifiedTokens verifiedTokens) {
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withJwkSource(jwt -> keysFor(keys, jwt))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .jwtProcessorCustomizer(processor -> processor.setJWSTypeVerifier(
                        new DefaultJOSEObjectTypeVerifier<>(Set.of(new JOSEObjectType("at+jwt")))))
                .build();
        nimbus.setJwtValidator(validator(properties));
        this.verifier = nimbus;
        this.verifiedTokens = verifiedTokens;
    }

    /**
     * The keys that may have signed {@code jwt}. Off the event loop: a cache miss is a blocking HTTP
     * fetch of the JWKS (rare: the cache and the rate limit see to that).
     */
    private static Flux<JWK> keysFor(IdentityJwks keys, SignedJWT jwt) {
        JWKMatcher matcher = JWKMatcher.forJWSHeader(jwt.getHeader());
        if (matcher == null) {
            return Flux.empty();
        }
        return Mono.fromCallable(() -> keys.get(new JWKSelector(matcher), null))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapIterable(found -> found);
    }

    private static OAuth2TokenValidator<Jwt> validator(EdgeJwtProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(properties.issuer()),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(properties.audience())),
                new JwtClaimValidator<Object>("exp", exp -> exp != null),
                new JwtClaimValidator<Object>("iat", iat -> iat != null),
                new JwtClaimValidator<String>("sub", sub -> sub != null && !sub.isBlank()),
                new JwtClaimValidator<String>("sid", sid -> sid != null && !sid.isBlank()),
                new JwtClaimValidator<String>("business_id", id -> id != null && !id.isBlank())));
    }

    @Override
    public Mono<Jwt> decode(String token) {
        // Signature and claims once per token (cached until it expires).
        return verifiedTokens.get(token, this::verify);
    }

    private Mono<Jwt> verify(String token) {
        return verifier.decode(token)
                // Nimbus reports a failed JWKS fetch as a bare IllegalStateException (a 500 otherwise).
                .onErrorMap(e -> !(e instanceof JwtException), e -> {
                    keyFailureLog.warn("Identity's JWKS could not be fetched, tokens are refused until it answers", e);
                    return new KeysUnavailableException(e);
                });
    }
}
