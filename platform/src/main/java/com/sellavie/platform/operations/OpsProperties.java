package com.sellavie.platform.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator credential: {@code sellavie.ops.token} (env {@code SELLAVIE_OPS_TOKEN}), or the path
 * of a file holding it, {@code sellavie.ops.token-file} (env {@code SELLAVIE_OPS_TOKEN_FILE}). The
 * value wins over the file. Neither set: {@code /ops/**} is closed.
 */
@ConfigurationProperties("sellavie.ops")
public record OpsProperties(String token, String tokenFile) {
}
