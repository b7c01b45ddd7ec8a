package com.sellavie.conversation.channel;

import com.sellavie.platform.tenancy.TenantContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The accounts a Facebook Login offered, with their tokens, kept server side: encrypted with the
 * channel-token cipher (associated data = the login id), for the business and member who signed in,
 * for {@link FacebookLogin#SESSION_LIFETIME}.
 */
@Component
class FacebookSessions {

    /** A session as its member sees it: the choices, never a token. */
    record Session(UUID sessionId, List<FacebookChoice> choices) {
    }

    private static final TypeReference<List<FacebookChoice>> CHOICES = new TypeReference<>() {
    };

    private final FacebookLoginRepository logins;
    private final ChannelTokenCipher cipher;
    private final JsonMapper json = JsonMapper.builder().build();

    FacebookSessions(FacebookLoginRepository logins, ChannelTokenCipher cipher) {
        this.logins = logins;
        this.cipher = cipher;
    }

    Session store(UUID businessId, UUID loginId, List<FacebookChoice> choices) {
        byte[] ciphertext = cipher.encrypt(json.writeValueAsString(choices), loginId);
        logins.storeSession(businessId, loginId, ciphertext,
                Instant.now().truncatedTo(ChronoUnit.MILLIS).plus(FacebookLogin.SESSION_LIFETIME));
        return new Session(loginId, choices);
    }

    /** The member's own live session: 404 when absent (or another's), 422 SESSION_EXPIRED when past. */
    Session load(String memberId, UUID sessionId) {
        FacebookLoginRepository.StoredLogin login = logins.find(TenantContext.requireBusinessId(), sessionId)
                .filter(found -> found.memberId().equals(memberId) && found.sessionCiphertext() != null)
                .orElseThrow(() -> new FacebookSessionNotFoundException(sessionId));
        if (login.sessionExpiresAt().isBefore(Instant.now())) {
            throw new FacebookLoginRefusedException(FacebookLoginRefusedException.SESSION_EXPIRED,
                    "This Facebook Login session expired (15 minutes). Connect with Facebook again.");
        }
        String plain = cipher.decrypt(login.sessionCiphertext(), sessionId);
        return new Session(sessionId, json.readValue(plain.getBytes(StandardCharsets.UTF_8), CHOICES));
    }
}
