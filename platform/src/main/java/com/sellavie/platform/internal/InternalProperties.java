package com.sellavie.platform.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service credential: {@code sellavie.internal.token} (env {@code SELLAVIE_INTERNAL_TOKEN}), or the
 * path of a file holding it, {@code sellavie.internal.token-file} (env {@code SELLAVIE_INTERNAL_TOKEN_FILE}).
 * Every service of one deployment shares it; callers send it as {@code Authorization: Bearer}. Neither
 * set: {@code /internal/**} is closed and calls to other services carry no credential.
 */
@ConfigurationProperties("sellavie.internal")
public record InternalProperties(String token, String tokenFile) {
}
