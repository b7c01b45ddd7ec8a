package com.sellavie.platform.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** What a service opens to callers without a token. */
@ConfigurationProperties("sellavie.security")
public class SecurityProperties {

    /**
     * Path patterns answered without a JWT (e.g. {@code /webhooks/**}, verified by their own
     * signatures, or {@code /api/auth/**}). Health and metrics endpoints are always open.
     */
    private List<String> publicPaths = new ArrayList<>();

    public List<String> getPublicPaths() {
        return publicPaths;
    }

    public void setPublicPaths(List<String> publicPaths) {
        this.publicPaths = publicPaths;
    }
}
