package com.sellavie.identity.team;

import com.sellavie.identity.account.Accounts.Member;
import com.sellavie.identity.session.ClientInfo;
import com.sellavie.identity.session.RefreshCookie;
import com.sellavie.identity.session.SessionManagement;
import com.sellavie.identity.session.SignedIn;
import com.sellavie.identity.token.AccessTokens;
import com.sellavie.platform.security.AccessTokenClaims;
import com.sellavie.platform.tenancy.SellavieClaims;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me/businesses} (the caller's businesses) and {@code POST /api/auth/switch}: act for
 * another of them. A switch starts a NEW session in the target business and ends the calling one:
 * sessions and refresh tokens are rows of their business (row-level security), so one cannot move
 * between tenants, and ending the old one keeps one live session per device (the browser has one
 * refresh cookie). Not a member of the target (or an unknown id) -> 404.
 */
@RestController
@PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
class BusinessSwitchController {

    private final Members members;
    private final Team team;
    private final SessionManagement sessions;
    private final Clock clock = Clock.systemUTC();

    BusinessSwitchController(Members members, Team team, SessionManagement sessions) {
        this.members = members;
        this.team = team;
        this.sessions = sessions;
    }

    @GetMapping("/api/me/businesses")
    ResponseEntity<BusinessList> businesses(@AuthenticationPrincipal Jwt token) {
        UUID current = UUID.fromString(token.getClaimAsString(SellavieClaims.BUSINESS_ID));
        List<BusinessList.Item> items = members.businessesOf(userId(token)).stream()
                .map(b -> new BusinessList.Item(b.id(), b.name(), b.role().name(), b.id().equals(current)))
                .toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new BusinessList(items));
    }

    @PostMapping("/api/auth/switch")
    ResponseEntity<SignedIn.Body> switchBusiness(@RequestBody TeamRequests.SwitchRequest request,
            @AuthenticationPrincipal Jwt token, HttpServletRequest http) {
        UUID target = request.validate();
        Member member = team.member(userId(token), target);
        SignedIn signedIn = sessions.start(member, ClientInfo.of(http), methodsOf(token));
        endCallingSession(token);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .header(HttpHeaders.SET_COOKIE, RefreshCookie.of(signedIn, clock.instant()).toString())
                .body(signedIn.body());
    }

    private void endCallingSession(Jwt token) {
        String sid = token.getClaimAsString(AccessTokenClaims.SESSION_ID);
        if (sid != null) {
            team.endSession(userId(token), UUID.fromString(token.getClaimAsString(SellavieClaims.BUSINESS_ID)),
                    UUID.fromString(sid));
        }
    }

    /** The new session is the same proof of identity as the calling one: a 2FA log-in stays one. */
    private static List<String> methodsOf(Jwt token) {
        List<String> methods = token.getClaimAsStringList(AccessTokens.AUTHENTICATION_METHODS);
        return methods == null || methods.isEmpty() ? List.of(AccessTokens.PASSWORD) : methods;
    }

    private static UUID userId(Jwt token) {
        return UUID.fromString(token.getClaimAsString(SellavieClaims.USER_ID));
    }

    record BusinessList(List<Item> businesses) {

        record Item(UUID id, String name, String role, boolean current) {
        }
    }
}
