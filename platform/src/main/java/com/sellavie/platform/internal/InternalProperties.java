package com.sellavie.platform.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The service credential: {@code sellavie.internal.token} (env {@code SELLAVIE_INTERNAL_TOKEN}), or the
 * path of a file holding it, {@code sellavie.internal.token-file} (env {@code SELLAVIE_INTERNAL_TOKEN_FILE}).
 * Every service of one deployment shares it; callers send it as {@code Authorization: Bearer}. Neither
 * set: {@code /internal/**} is closed and calls to other services carry no credential. During a rotation,
 * {@code sellavie.internal.also-accepted-token} ({@code SELLAVIE_INTERNAL_ALSO_ACCEPTED_TOKEN}, or
 * {@code -file} / {@code _FILE}) is accepted too, while calls still send the token itself.
 */
@ConfigurationProperties("sellavie.internal")
public record InternalProperties(String token, String tokenFile, String alsoAcceptedToken, String alsoAcceptedTokenFile) {

    @ConstructorBinding
    public InternalProperties {
    }

    /** Without a rotation under way. */
    public InternalProperties(String token, String tokenFile) {
        this(token, tokenFile, null, null);
    }
}
