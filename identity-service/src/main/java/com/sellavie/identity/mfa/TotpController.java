package com.sellavie.identity.mfa;

import com.sellavie.identity.account.Accounts;
import com.sellavie.identity.activity.ActivityCategory;
import com.sellavie.identity.activity.ActivityLog;
import com.sellavie.identity.session.ClientInfo;
import jakarta.servlet.http.HttpServletRequest;
import com.sellavie.identity.mfa.MfaExceptions.MissingFieldException;
import com.sellavie.platform.tenancy.SellavieClaims;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own TOTP second factor (any role: it belongs to the user, not the business):
 * {@code GET /api/auth/totp} says whether it is on, {@code POST /api/auth/totp} starts an enrolment, {@code POST /api/auth/totp/confirm} turns it on,
 * {@code DELETE /api/auth/totp} (or {@code POST /api/auth/totp/disable}) turns it off.
 */
@RestController
@RequestMapping("/api/auth/totp")
@PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
class TotpController {

    private final TwoFactor twoFactor;
    private final Accounts accounts;
    private final ActivityLog activity;

    TotpController(TwoFactor twoFactor, Accounts accounts, ActivityLog activity) {
        this.twoFactor = twoFactor;
        this.accounts = accounts;
        this.activity = activity;
    }

    /** Whether the caller has 2FA on (the console's Security page). */
    @GetMapping
    ResponseEntity<Status> status(@AuthenticationPrincipal Jwt token) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Status(twoFactor.enabled(userId(token))));
    }

    @PostMapping
    ResponseEntity<TwoFactor.Enrolment> enrol(@AuthenticationPrincipal Jwt token) {
        UUID userId = userId(token);
        UUID businessId = UUID.fromString(token.getClaimAsString(SellavieClaims.BUSINESS_ID));
        // The account name in the authenticator app: the user's email, read from their membership of
        // the token's business (the request's tenant).
        String email = accounts.member(userId, businessId).map(Accounts.Member::email)
                .orElseThrow(MfaExceptions.InvalidCodeException::new);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(twoFactor.enrol(userId, email));
    }

    @PostMapping("/confirm")
    ResponseEntity<RecoveryCodes> confirm(@RequestBody(required = false) CodeRequest body,
            @AuthenticationPrincipal Jwt token, HttpServletRequest request) {
        String code = required(body == null ? null : body.code(), "code");
        List<String> recoveryCodes = twoFactor.confirm(userId(token), code);
        recordActivity("TWO_FACTOR_ENABLED", token, request);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new RecoveryCodes(recoveryCodes));
    }

    @DeleteMapping
    ResponseEntity<Void> disable(@RequestBody(required = false) DisableRequest body, @AuthenticationPrincipal Jwt token,
            HttpServletRequest request) {
        String password = required(body == null ? null : body.password(), "password");
        String code = required(body.code(), "code");
        twoFactor.disable(userId(token), password, code);
        recordActivity("TWO_FACTOR_DISABLED", token, request);
        return ResponseEntity.noContent().build();
    }

    /** The same as {@code DELETE}, for clients that cannot send a body with DELETE. */
    @PostMapping("/disable")
    ResponseEntity<Void> disableByPost(@RequestBody(required = false) DisableRequest body,
            @AuthenticationPrincipal Jwt token, HttpServletRequest request) {
        return disable(body, token, request);
    }

    /** The factor is the person's; the entry goes to the business they acted in (the token's, the tenant). */
    private void recordActivity(String kind, Jwt token, HttpServletRequest request) {
        ClientInfo client = ClientInfo.of(request);
        activity.record(ActivityLog.Entry.byMember(UUID.fromString(token.getClaimAsString(SellavieClaims.BUSINESS_ID)),
                ActivityCategory.SECURITY, kind, userId(token), client.ip(), client.device(), null));
    }

    private static UUID userId(Jwt token) {
        return UUID.fromString(token.getSubject());
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new MissingFieldException(field);
        }
        return value;
    }

    record Status(boolean enabled) {
    }

    record CodeRequest(String code) {
        @Override
        public String toString() {
            return "CodeRequest[***]";
        }
    }

    record DisableRequest(String password, String code) {
        @Override
        public String toString() {
            return "DisableRequest[***]";
        }
    }

    /** Shown once; only their hashes are kept. */
    record RecoveryCodes(List<String> recoveryCodes) {
        @Override
        public String toString() {
            return "RecoveryCodes[***]";
        }
    }
}
