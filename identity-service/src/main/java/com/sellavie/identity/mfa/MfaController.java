package com.sellavie.identity.mfa;

import com.sellavie.identity.account.Accounts;
import com.sellavie.identity.account.Accounts.Member;
import com.sellavie.identity.mfa.MfaExceptions.InvalidChallengeException;
import com.sellavie.identity.mfa.MfaExceptions.InvalidCodeException;
import com.sellavie.identity.mfa.MfaExceptions.MissingFieldException;
import com.sellavie.identity.session.ClientInfo;
import com.sellavie.identity.session.RefreshCookie;
import com.sellavie.identity.session.SessionManagement;
import com.sellavie.identity.session.SignedIn;
import com.sellavie.identity.token.AccessTokens;
import com.sellavie.platform.tenancy.Tenancy;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/mfa} (public: the challenge is the credential): the log-in's second step.
 * A right code spends the challenge and answers exactly as a log-in does (access token whose
 * {@code amr} names the factors, refresh cookie); a wrong one is 401 and nothing is issued, and after
 * {@value MfaChallenges#MAX_ATTEMPTS} attempts the challenge is gone.
 */
@RestController
class MfaController {

    private final MfaChallenges challenges;
    private final TwoFactor twoFactor;
    private final Accounts accounts;
    private final Tenancy tenancy;
    private final SessionManagement sessions;
    private final Clock clock = Clock.systemUTC();

    MfaController(MfaChallenges challenges, TwoFactor twoFactor, Accounts accounts, Tenancy tenancy,
            SessionManagement sessions) {
        this.challenges = challenges;
        this.twoFactor = twoFactor;
        this.accounts = accounts;
        this.tenancy = tenancy;
        this.sessions = sessions;
    }

    @PostMapping("/api/auth/mfa")
    ResponseEntity<SignedIn.Body> secondFactor(@RequestBody(required = false) MfaRequest body, HttpServletRequest http) {
        if (body == null || body.challenge() == null || body.challenge().isBlank()) {
            throw new MissingFieldException("challenge");
        }
        if (body.code() == null || body.code().isBlank()) {
            throw new MissingFieldException("code");
        }
        MfaChallenges.Pending pending = challenges.attempt(body.challenge()).orElseThrow(InvalidChallengeException::new);
        Optional<TwoFactor.Method> method = twoFactor.check(pending.userId(), body.code());
        if (method.isEmpty()) {
            if (pending.lastAttempt()) {
                challenges.discard(pending.challenge());
            }
            throw new InvalidCodeException();
        }
        if (!challenges.spend(pending.challenge())) {
            throw new InvalidChallengeException();
        }
        Member member = tenancy.callAs(pending.businessId(),
                () -> accounts.member(pending.userId(), pending.businessId())).orElseThrow(InvalidChallengeException::new);
        List<String> amr = method.get() == TwoFactor.Method.TOTP
                ? List.of(AccessTokens.PASSWORD, AccessTokens.ONE_TIME_PASSWORD, AccessTokens.MULTI_FACTOR)
                : List.of(AccessTokens.PASSWORD, AccessTokens.MULTI_FACTOR);
        SignedIn signedIn = sessions.start(member, ClientInfo.of(http), amr);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .header(HttpHeaders.SET_COOKIE, RefreshCookie.of(signedIn, clock.instant()).toString())
                .body(signedIn.body());
    }

    record MfaRequest(String challenge, String code) {
        @Override
        public String toString() {
            return "MfaRequest[***]";
        }
    }
}
