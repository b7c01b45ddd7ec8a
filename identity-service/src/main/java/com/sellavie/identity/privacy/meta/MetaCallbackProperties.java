package com.sellavie.identity.privacy.meta;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sellavie.privacy.meta}: the Meta app secret that signs {@code signed_request} (the same
 * {@code SELLAVIE_META_APP_SECRET} conversation and ingest use; never logged), how old a request may
 * be, and the public base URL the data-deletion answer's status link starts with.
 */
@ConfigurationProperties("sellavie.privacy.meta")
record MetaCallbackProperties(String appSecret, Duration maxAge, URI publicBaseUrl) {

    MetaCallbackProperties {
        maxAge = maxAge == null ? Duration.ofHours(1) : maxAge;
        publicBaseUrl = publicBaseUrl == null ? URI.create("http://localhost:8080") : publicBaseUrl;
    }

    boolean configured() {
        return appSecret != null && !appSecret.isBlank();
    }

    byte[] secretBytes() {
        return appSecret.getBytes(StandardCharsets.UTF_8);
    }

    String statusUrl(String code) {
        String base = publicBaseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/privacy/deletion-status/" + code;
    }

    @Override
    public String toString() {
        return "MetaCallbackProperties[maxAge=" + maxAge + ", publicBaseUrl=" + publicBaseUrl + "]";
    }
}
