package com.sellavie.identity.mfa;

import com.sellavie.identity.mfa.MfaExceptions.EnrolmentStateException;
import com.sellavie.identity.mfa.MfaExceptions.MissingFieldException;
import com.sellavie.platform.tenancy.SellavieClaims;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The business's security policy, of the token's business: {@code GET /api/business/security} (any
 * member) and {@code PUT /api/business/security} {@code {"requireTwoFactor":true}} (OWNER only).
 */
@RestController
@RequestMapping("/api/business/security")
class BusinessSecurityController {

    private final BusinessTwoFactorPolicy policy;
    private final TwoFactor twoFactor;

    BusinessSecurityController(BusinessTwoFactorPolicy policy, TwoFactor twoFactor) {
        this.policy = policy;
        this.twoFactor = twoFactor;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
    ResponseEntity<SecurityPolicy> get(@AuthenticationPrincipal Jwt token) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new SecurityPolicy(policy.required(businessId(token))));
    }

    /** Only the owner sets the business's policy (others: the chain's 403 problem JSON). */
    @PutMapping
    @PreAuthorize("hasRole('OWNER')")
    ResponseEntity<SecurityPolicy> put(@RequestBody(required = false) SecurityPolicy body, @AuthenticationPrincipal Jwt token) {
        if (body == null || body.requireTwoFactor() == null) {
            throw new MissingFieldException("requireTwoFactor");
        }
        if (body.requireTwoFactor() && !twoFactor.enabled(UUID.fromString(token.getSubject()))) {
            throw new EnrolmentStateException("Two-factor authentication is off for you",
                    "Turn it on for your own account before requiring it of the team.");
        }
        policy.require(businessId(token), body.requireTwoFactor());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    private static UUID businessId(Jwt token) {
        return UUID.fromString(token.getClaimAsString(SellavieClaims.BUSINESS_ID));
    }

    record SecurityPolicy(Boolean requireTwoFactor) {
    }
}
