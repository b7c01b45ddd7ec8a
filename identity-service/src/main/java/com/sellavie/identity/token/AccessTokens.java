package com.sellavie.identity.token;

import com.sellavie.platform.security.AccessTokenClaims;
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
 * Issues access tokens (RFC 9068 shape, header {@code typ at+jwt}): RS256 JWTs under the current key
 * id, from the configured issuer ({@code iss}) for the API audience ({@code aud}), naming the user
 * ({@code sub}), the business they act for ({@code business_id}), their role there ({@code role}),
 * how they proved who they are ({@code amr}, RFC 8176), the login session they belong to
 * ({@code sid}, what the denylist revokes by) and a unique id ({@code jti}).
 */
public class AccessTokens {

    /** {@code amr} claim (RFC 8176 authentication method references). */
    public static final String AUTHENTICATION_METHODS = "amr";
    /** {@code amr} value of a password log-in. */
    public static final String PASSWORD = "pwd";
    /** {@code amr} value of a one-time password (a TOTP code). */
    public static final String ONE_TIME_PASSWORD = "otp";
    /** {@code amr} value of multiple factors (password, then a TOTP or recovery code). */
    public static final String MULTI_FACTOR = "mfa";

    private final JwtEncoder encoder;
    private final SigningKeys keys;
    private final Duration ttl;
    private final String issuer;
    private final String audience;
    private final Clock clock;
    private final List<ExtraClaims> extraClaims;

    AccessTokens(JwtEncoder encoder, SigningKeys keys, Duration ttl, String issuer, String audience, Clock clock,
            List<ExtraClaims> extraClaims) {
        this.encoder = encoder;
        this.keys = keys;
        this.ttl = ttl;
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
        this.extraClaims = List.copyOf(extraClaims);
    }

    /**
     * A token for {@code userId} acting for {@code businessId} as {@code role} in login session
     * {@code sessionId}, whose user proved themselves with a password.
     */
    public AccessToken issueAfterPassword(UUID userId, UUID businessId, SellavieClaims.Role role, UUID sessionId) {
        return issue(userId, businessId, role, sessionId, List.of(PASSWORD));
    }

    /** As {@link #issueAfterPassword}, for a user who proved themselves with {@code methods} ({@code amr}). */
    public AccessToken issue(UUID userId, UUID businessId, SellavieClaims.Role role, UUID sessionId,
            List<String> methods) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder builder = JwtClaimsSet.builder();
        extraClaims.forEach(extra -> extra.claimsFor(userId, businessId).forEach(builder::claim));
        JwtClaimsSet claims = builder
                .issuer(issuer)
                .audience(List.of(audience))
                .subject(userId.toString())
                .claim(SellavieClaims.BUSINESS_ID, businessId.toString())
                .claim(SellavieClaims.ROLE, role.name())
                .claim(AUTHENTICATION_METHODS, methods)
                .claim(AccessTokenClaims.SESSION_ID, sessionId.toString())
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .id(UUID.randomUUID().toString())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type(AccessTokenClaims.TYPE).keyId(keys.currentKeyId()).build();
        return new AccessToken(encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue(), ttl);
    }

    /** How long an access token lives. */
    public Duration ttl() {
        return ttl;
    }

    /** A signed token and how long it lives. Never log {@link #value()}. */
    public record AccessToken(String value, Duration ttl) {

        @Override
        public String toString() {
            return "AccessToken[ttl=" + ttl + "]";
        }
    }
}
