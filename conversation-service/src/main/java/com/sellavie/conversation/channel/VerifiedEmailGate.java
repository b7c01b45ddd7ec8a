package com.sellavie.conversation.channel;

import com.sellavie.platform.tenancy.SellavieClaims;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Connecting a channel needs a confirmed email address. Whose counts: the acting member's, whose access
 * token says so ({@code email_verified}, issued by identity from its own records at each log-in and
 * refresh). A business has no address of its own, and the member connecting is the one answerable for it.
 */
final class VerifiedEmailGate {

    private VerifiedEmailGate() {
    }

    /** Refuses (403 EMAIL_NOT_VERIFIED) unless {@code member}'s token carries {@code email_verified: true}. */
    static void require(Jwt member) {
        if (!Boolean.TRUE.equals(member.getClaimAsBoolean(SellavieClaims.EMAIL_VERIFIED))) {
            throw new EmailNotVerifiedException();
        }
    }
}
