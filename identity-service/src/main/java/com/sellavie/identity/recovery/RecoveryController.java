package com.sellavie.identity.recovery;

import com.sellavie.identity.session.ClientInfo;
import com.sellavie.identity.throttle.ClientAddress;
import com.sellavie.platform.tenancy.SellavieClaims;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The emailed links' endpoints: {@code POST /api/auth/email-verification} (public: the token is the
 * credential), {@code .../resend} (signed in, any role), {@code POST /api/auth/password-reset} and
 * {@code .../confirm} (public).
 */
@RestController
@RequestMapping("/api/auth")
class RecoveryController {

    private final EmailVerification verification;
    private final PasswordReset reset;

    RecoveryController(EmailVerification verification, PasswordReset reset) {
        this.verification = verification;
        this.reset = reset;
    }

    @PostMapping("/email-verification")
    ResponseEntity<Void> verify(@RequestBody(required = false) TokenRequest request) {
        verification.verify(request == null ? null : request.token());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/email-verification/resend")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
    ResponseEntity<Void> resend(@AuthenticationPrincipal Jwt token) {
        verification.resend(UUID.fromString(token.getSubject()),
                UUID.fromString(token.getClaimAsString(SellavieClaims.BUSINESS_ID)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/password-reset")
    ResponseEntity<Void> requestReset(@RequestBody(required = false) ResetRequest request, HttpServletRequest http) {
        reset.request(request == null ? null : request.email(), ClientAddress.of(http));
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/password-reset/confirm")
    ResponseEntity<Void> confirmReset(@RequestBody(required = false) ConfirmRequest request, HttpServletRequest http) {
        reset.confirm(request == null ? null : request.token(), request == null ? null : request.password(),
                ClientInfo.of(http));
        return ResponseEntity.noContent().build();
    }

    record TokenRequest(String token) {

        @Override
        public String toString() {
            return "TokenRequest[]";
        }
    }

    record ResetRequest(String email) {

        @Override
        public String toString() {
            return "ResetRequest[]";
        }
    }

    /** Never log it: it carries a token and a password. */
    record ConfirmRequest(String token, String password) {

        @Override
        public String toString() {
            return "ConfirmRequest[]";
        }
    }
}
