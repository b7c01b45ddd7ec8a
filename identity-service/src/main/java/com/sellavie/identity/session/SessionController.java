package com.sellavie.identity.session;

import com.sellavie.platform.security.AccessTokenClaims;
import com.sellavie.platform.tenancy.SellavieClaims;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/refresh} and {@code /logout} (public: the refresh token, from the cookie or the
 * body, is the credential), {@code GET /api/auth/sessions} and {@code DELETE /api/auth/sessions/{id}}
 * (access token: the caller's own sessions in the token's business, whatever their role).
 */
@RestController
@RequestMapping("/api/auth")
class SessionController {

    private final SessionManagement management;
    private final Clock clock = Clock.systemUTC();

    SessionController(SessionManagement management) {
        this.management = management;
    }

    @PostMapping("/refresh")
    ResponseEntity<SignedIn.Body> refresh(@CookieValue(name = RefreshCookie.NAME, required = false) String cookie,
            @RequestBody(required = false) RefreshRequest body, HttpServletRequest request) {
        SignedIn signedIn = management.refresh(presented(cookie, body), ClientInfo.of(request));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .header(HttpHeaders.SET_COOKIE, RefreshCookie.of(signedIn, clock.instant()).toString())
                .body(signedIn.body());
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logOut(@CookieValue(name = RefreshCookie.NAME, required = false) String cookie,
            @RequestBody(required = false) RefreshRequest body, @AuthenticationPrincipal Jwt token) {
        management.logOut(presented(cookie, body), token == null ? null : businessId(token),
                token == null ? null : userId(token), token == null ? null : sessionId(token).orElse(null));
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, RefreshCookie.cleared().toString()).build();
    }

    @GetMapping("/sessions")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
    ResponseEntity<SessionList> sessions(@AuthenticationPrincipal Jwt token) {
        Optional<UUID> current = sessionId(token);
        List<SessionList.Item> items = management.active(userId(token), businessId(token)).stream()
                .map(session -> new SessionList.Item(session.id(), session.device(), session.ip(),
                        session.createdAt(), session.lastUsedAt(), session.expiresAt(),
                        current.map(session.id()::equals).orElse(false)))
                .toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new SessionList(items));
    }

    @DeleteMapping("/sessions/{id}")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
    ResponseEntity<Void> revoke(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
        UUID sessionId = parse(id).orElseThrow(SessionExceptions.SessionNotFoundException::new);
        management.revoke(sessionId, userId(token), businessId(token));
        ResponseEntity.HeadersBuilder<?> answer = ResponseEntity.noContent();
        if (sessionId(token).filter(sessionId::equals).isPresent()) {
            // Ending the session this console runs in: its cookie is dead too.
            answer.header(HttpHeaders.SET_COOKIE, RefreshCookie.cleared().toString());
        }
        return answer.build();
    }

    private static String presented(String cookie, RefreshRequest body) {
        return body != null && body.refreshToken() != null ? body.refreshToken() : cookie;
    }

    private static UUID userId(Jwt token) {
        return UUID.fromString(token.getClaimAsString(SellavieClaims.USER_ID));
    }

    private static UUID businessId(Jwt token) {
        return UUID.fromString(token.getClaimAsString(SellavieClaims.BUSINESS_ID));
    }

    private static Optional<UUID> sessionId(Jwt token) {
        return parse(token.getClaimAsString(AccessTokenClaims.SESSION_ID));
    }

    private static Optional<UUID> parse(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A non-browser client's refresh token (browsers send the cookie). Never log it. */
    record RefreshRequest(String refreshToken) {

        @Override
        public String toString() {
            return "RefreshRequest[]";
        }
    }

    /** {@code GET /api/auth/sessions}: {@code current} marks the session the calling token belongs to. */
    record SessionList(List<Item> sessions) {

        record Item(UUID id, String device, String ip, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
                boolean current) {
        }
    }
}
