package com.sellavie.identity.auth;

import com.sellavie.identity.account.Accounts.Member;
import com.sellavie.identity.mfa.LoginSecondFactor;
import com.sellavie.identity.mfa.MfaRequired;
import com.sellavie.identity.session.ClientInfo;
import com.sellavie.identity.session.RefreshCookie;
import com.sellavie.identity.session.SessionManagement;
import com.sellavie.identity.session.SignedIn;
import com.sellavie.identity.throttle.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/signup} (creates the account, no session) and {@code POST /api/auth/login}
 * (starts a login session: an access token, the refresh token going into its HttpOnly cookie).
 */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final SignUp signUp;
    private final LogIn logIn;
    private final SessionManagement sessions;
    private final LoginSecondFactor secondFactor;
    private final Clock clock = Clock.systemUTC();

    AuthController(SignUp signUp, LogIn logIn, SessionManagement sessions, LoginSecondFactor secondFactor) {
        this.signUp = signUp;
        this.logIn = logIn;
        this.sessions = sessions;
        this.secondFactor = secondFactor;
    }

    /**
     * 202 {@code {"status":"CHECK_YOUR_EMAIL"}} for a new address and for a registered one alike: a new
     * account gets a verification email, an existing one's owner an ACCOUNT_EXISTS email. No session:
     * the user logs in (the account works before its address is verified; channels wait for it).
     */
    @PostMapping("/signup")
    ResponseEntity<SignupAccepted> signUp(@RequestBody AuthRequests.SignupRequest request, HttpServletRequest http) {
        signUp.register(request.validate(), ClientAddress.of(http));
        return ResponseEntity.status(HttpStatus.ACCEPTED).cacheControl(CacheControl.noStore())
                .body(new SignupAccepted("CHECK_YOUR_EMAIL"));
    }

    /** The sign-up's answer, the same whether or not the address had an account. */
    record SignupAccepted(String status) {
    }

    @PostMapping("/login")
    ResponseEntity<?> logIn(@RequestBody AuthRequests.LoginRequest request, HttpServletRequest http) {
        request.validate();
        Member member = logIn.authenticate(request, ClientAddress.of(http));
        // 2FA on: no session yet, a challenge for POST /api/auth/mfa instead.
        Optional<MfaRequired> challenge = secondFactor.challengeIfEnabled(member);
        if (challenge.isPresent()) {
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(challenge.get());
        }
        SignedIn signedIn = sessions.start(member, ClientInfo.of(http));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .header(HttpHeaders.SET_COOKIE, RefreshCookie.of(signedIn, clock.instant()).toString())
                .body(signedIn.body());
    }
}
