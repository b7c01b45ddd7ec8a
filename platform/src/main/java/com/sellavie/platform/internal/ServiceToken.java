package com.sellavie.platform.internal;

import com.sellavie.platform.security.SharedToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared service credential ({@link InternalProperties}): checked by the {@code /internal/**}
 * chain, and sent by this service's own clients of other services' internal endpoints.
 */
public final class ServiceToken extends SharedToken {

    private final String value;

    private ServiceToken(SharedToken token, String value) {
        super(token);
        this.value = value;
    }

    static ServiceToken from(InternalProperties properties) {
        String guards = "Internal endpoints /internal/**";
        SharedToken token = SharedToken.from(properties.token(), properties.tokenFile(), guards, "SELLAVIE_INTERNAL_TOKEN")
                .alsoAccepting(properties.alsoAcceptedToken(), properties.alsoAcceptedTokenFile(), guards,
                        "SELLAVIE_INTERNAL_ALSO_ACCEPTED_TOKEN");
        return new ServiceToken(token, token.configured() ? read(properties) : null);
    }

    /**
     * The {@code Authorization} header value a client of another service's internal endpoint sends.
     *
     * @throws IllegalStateException when no usable token is configured (the call would be refused anyway)
     */
    public String authorizationHeader() {
        if (value == null) {
            throw new IllegalStateException("No service token is configured (SELLAVIE_INTERNAL_TOKEN): "
                    + "internal calls to other services cannot authenticate");
        }
        return "Bearer " + value;
    }

    private static String read(InternalProperties properties) {
        if (properties.token() != null && !properties.token().isBlank()) {
            return properties.token();
        }
        try {
            return Files.readString(Path.of(properties.tokenFile()), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("The service token file became unreadable: " + e.getMessage(), e);
        }
    }
}
