package com.sellavie.identity.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.sellavie.platform.security.SecurityProperties;
import com.sellavie.platform.security.TokenValidators;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The signing key (loaded at start-up: no key, no service), the encoder that signs with it, and the
 * decoder identity's own resource-server endpoints use. Identity verifies its tokens with its own
 * public keys in memory, never by fetching its JWKS over HTTP; declaring the {@link JwtDecoder}
 * replaces the platform's {@code jwk-set-uri} decoder.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenProperties.class)
class TokenConfiguration {

    @Bean
    SigningKeys signingKeys(TokenProperties properties) {
        return SigningKeyLoader.load(properties.jwt());
    }

    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        // Only the current key signs: the previous one has no private half here.
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.current())));
    }

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, SecurityProperties security) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        // RS256 only, key chosen by kid among the current and the previous public keys.
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(keys.publicKeys())));
        // Header typ and claims are checked by the platform's validators below (expiry with clock skew,
        // typ at+jwt, issuer, audience), as every other resource server checks them.
        processor.setJWSTypeVerifier((type, context) -> { });
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(TokenValidators.all(security.getJwt()));
        return decoder;
    }

    @Bean
    AccessTokens accessTokens(JwtEncoder encoder, SigningKeys keys, TokenProperties properties,
            SecurityProperties security, ObjectProvider<ExtraClaims> extraClaims) {
        return new AccessTokens(encoder, keys, properties.accessTokenTtl(), security.getJwt().getIssuer(),
                security.getJwt().getAudience(), Clock.systemUTC(), extraClaims.orderedStream().toList());
    }
}
