package com.sellavie.identity.session;

import java.time.Duration;
import java.time.Instant;
import org.springframework.http.ResponseCookie;

/**
 * The refresh-token cookie: HttpOnly (no script reads it), Secure (HTTPS only; browsers treat
 * {@code http://localhost} as secure), SameSite=Strict (never sent from another site's page, which is
 * the CSRF defence of the cookie-authenticated refresh and logout), and scoped to {@code /api/auth} so
 * it travels to the auth endpoints only. It lives until the session's absolute expiry.
 */
public final class RefreshCookie {

    public static final String NAME = "sellavie_refresh";
    public static final String PATH = "/api/auth";

    private RefreshCookie() {
    }

    public static ResponseCookie of(SignedIn signedIn, Instant now) {
        Duration left = Duration.between(now, signedIn.sessionExpiresAt());
        return base(signedIn.refreshToken()).maxAge(left.isNegative() ? Duration.ZERO : left).build();
    }

    public static ResponseCookie cleared() {
        return base("").maxAge(Duration.ZERO).build();
    }

    private static ResponseCookie.ResponseCookieBuilder base(String value) {
        return ResponseCookie.from(NAME, value).httpOnly(true).secure(true).sameSite("Strict").path(PATH);
    }
}
