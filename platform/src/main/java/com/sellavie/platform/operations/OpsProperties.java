package com.sellavie.platform.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The operator credential: {@code sellavie.ops.token} (env {@code SELLAVIE_OPS_TOKEN}), or the path
 * of a file holding it, {@code sellavie.ops.token-file} (env {@code SELLAVIE_OPS_TOKEN_FILE}). The
 * value wins over the file. Neither set: {@code /ops/**} is closed. During a rotation,
 * {@code sellavie.ops.also-accepted-token} ({@code SELLAVIE_OPS_ALSO_ACCEPTED_TOKEN}, or {@code -file} /
 * {@code _FILE}) is accepted too (docs/operations.md, "Rotate secrets").
 */
@ConfigurationProperties("sellavie.ops")
public record OpsProperties(String token, String tokenFile, String alsoAcceptedToken, String alsoAcceptedTokenFile) {

    @ConstructorBinding
    public OpsProperties {
    }

    /** Without a rotation under way. */
    public OpsProperties(String token, String tokenFile) {
        this(token, tokenFile, null, null);
    }
}
