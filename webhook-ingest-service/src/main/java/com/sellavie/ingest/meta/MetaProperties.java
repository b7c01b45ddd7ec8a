package com.sellavie.ingest.meta;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Meta webhook settings.
 *
 * @param appSecret   the app secret Meta signs every webhook body with (env {@code SELLAVIE_META_APP_SECRET});
 *                    empty = every POST is rejected
 * @param verifyToken the token typed in Meta's dashboard for the subscription handshake
 *                    (env {@code SELLAVIE_META_VERIFY_TOKEN}); empty = every handshake is refused
 * @param maxBodySize largest body accepted (default 4 MiB; Meta documents up to 3 MB)
 */
@ConfigurationProperties("sellavie.meta")
public record MetaProperties(String appSecret, String verifyToken, DataSize maxBodySize) {

    static final DataSize DEFAULT_MAX_BODY_SIZE = DataSize.ofMegabytes(4); // Spring's MB is 1024 * 1024 bytes

    public MetaProperties {
        appSecret = appSecret == null ? "" : appSecret;
        verifyToken = verifyToken == null ? "" : verifyToken;
        maxBodySize = maxBodySize == null ? DEFAULT_MAX_BODY_SIZE : maxBodySize;
    }

    /** Never prints the secrets (a record's own toString would, e.g. in a bind-failure report). */
    @Override
    public String toString() {
        return "MetaProperties[appSecret=" + (appSecret.isEmpty() ? "<empty>" : "<set>")
                + ", verifyToken=" + (verifyToken.isEmpty() ? "<empty>" : "<set>")
                + ", maxBodySize=" + maxBodySize + "]";
    }
}
