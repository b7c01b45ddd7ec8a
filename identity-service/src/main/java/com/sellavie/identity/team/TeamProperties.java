package com.sellavie.identity.team;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sellavie.identity.team}: where accept links point (the console's {@code /invite} page) and
 * how long an invitation lasts.
 */
@ConfigurationProperties("sellavie.identity.team")
record TeamProperties(URI consoleUrl, Duration invitationTtl) {

    TeamProperties {
        consoleUrl = consoleUrl == null ? URI.create("http://localhost:8080") : consoleUrl;
        invitationTtl = invitationTtl == null ? Duration.ofDays(7) : invitationTtl;
    }

    /** The accept link carrying {@code token} (base64url: safe in a query string as is). */
    String acceptLink(String token) {
        String base = consoleUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/invite?token=" + token;
    }
}
