package com.sellavie.identity.team;

import com.sellavie.identity.account.Accounts.Member;
import com.sellavie.identity.session.ClientInfo;
import com.sellavie.identity.session.RefreshCookie;
import com.sellavie.identity.session.SessionManagement;
import com.sellavie.identity.session.SignedIn;
import com.sellavie.platform.tenancy.SellavieClaims;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/invitations/accept} (public: the token is the credential; an access token, when
 * sent, proves an existing account): the new member is logged in to the business they joined, with a
 * login's 200 and refresh cookie.
 */
@RestController
class InvitationAcceptController {

    private final InvitationAcceptance acceptance;
    private final SessionManagement sessions;
    private final Clock clock = Clock.systemUTC();

    InvitationAcceptController(InvitationAcceptance acceptance, SessionManagement sessions) {
        this.acceptance = acceptance;
        this.sessions = sessions;
    }

    @PostMapping("/api/invitations/accept")
    ResponseEntity<SignedIn.Body> accept(@RequestBody TeamRequests.AcceptRequest request,
            @AuthenticationPrincipal Jwt token, HttpServletRequest http) {
        request.validate();
        UUID signedIn = token == null ? null : UUID.fromString(token.getClaimAsString(SellavieClaims.USER_ID));
        Member member = acceptance.accept(request.token(), request.password(), signedIn);
        SignedIn session = sessions.start(member, ClientInfo.of(http));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .header(HttpHeaders.SET_COOKIE, RefreshCookie.of(session, clock.instant()).toString())
                .body(session.body());
    }
}
