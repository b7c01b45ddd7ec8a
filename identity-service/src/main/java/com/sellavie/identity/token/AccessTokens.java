package com.sellavie.identity.token;

import com.sellavie.platform.tenancy.SellavieClaims;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Issues access tokens: RS256 JWTs under the current key id, naming the user ({@code sub}), the
 * business they act for ({@code business_id}), their role there ({@code role}) and how they proved
 * who they are ({@code amr}, RFC 8176).
 */
public class AccessTokens {

    /** The {@code iss} of every access token; resource servers check it. */
    public static final String ISSUER = "sellavie-identity";
    /** {@code amr} claim (RFC 8176 authentication method references). */
    public static final String AUTHENTICATION_METHODS = "amr";
    /** {@code amr} value of a password log-in. */
    public static final String PASSWORD = "pwd";

    private final JwtEncoder encoder;
    private final SigningKeys keys;
    private final Duration ttl;
    private final Clock clock;

    AccessTokens(JwtEncoder encoder, SigningKeys keys, Duration ttl, Clock clock) {
        this.encoder = encoder;
        this.keys = keys;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A token for {@code userId} acting for {@code businessId} as {@code role}, after a password check. */
    public AccessToken issueAfterPassword(UUID userId, UUID businessId, SellavieClaims.Role role) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(userId.toString())
                .claim(SellavieClaims.BUSINESS_ID, businessId.toString())
                .claim(SellavieClaims.ROLE, role.name())
                .claim(AUTHENTICATION_METHODS, List.of(PASSWORD))
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .id(UUID.randomUUID().toString())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type("JWT").keyId(keys.currentKeyId()).build();
        return new AccessToken(encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue(), ttl);
    }

    /** A signed token and how long it lives. Never log {@link #value()}. */
    public record AccessToken(String value, Duration ttl) {

        @Override
        public String toString() {
            return "AccessToken[ttl=" + ttl + "]";
        }
    }
}
