package com.sellavie.identity.session;

import com.sellavie.identity.account.Accounts.Member;
import com.sellavie.identity.token.AccessTokens.AccessToken;
import java.time.Instant;
import java.util.UUID;

/**
 * The outcome of a log-in, sign-up or refresh: the answer's body, and the refresh token that goes into
 * the cookie (never into the body, so page scripts never see it).
 */
public record SignedIn(Body body, String refreshToken, Instant sessionExpiresAt) {

    static SignedIn of(Member member, AccessToken token, String refreshToken, Instant sessionExpiresAt) {
        return new SignedIn(new Body(token.value(), "Bearer", token.ttl().toSeconds(),
                new Body.User(member.userId(), member.email()),
                new Body.Business(member.businessId(), member.businessName())), refreshToken, sessionExpiresAt);
    }

    @Override
    public String toString() {
        return "SignedIn[" + body + "]";
    }

    /** The JSON answer ({@code expiresIn} in seconds, as OAuth 2's token response). */
    public record Body(String accessToken, String tokenType, long expiresIn, User user, Business business) {

        public record User(UUID id, String email) {
        }

        public record Business(UUID id, String name) {
        }

        @Override
        public String toString() {
            return "Body[user=" + user + ", business=" + business + "]";
        }
    }
}
