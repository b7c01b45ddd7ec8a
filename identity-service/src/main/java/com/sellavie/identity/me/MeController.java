package com.sellavie.identity.me;

import com.sellavie.identity.account.Accounts;
import com.sellavie.platform.tenancy.SellavieClaims;
import com.sellavie.platform.tenancy.TenantContext;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me}: the token's user and business as identity knows them now. Behind the
 * resource server: the tenant is the token's {@code business_id}, so this reads the membership
 * under row-level security like any tenant request.
 */
@RestController
class MeController {

    private final Accounts accounts;

    MeController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/me")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
    ResponseEntity<?> me(@AuthenticationPrincipal Jwt token) {
        UUID userId = UUID.fromString(token.getClaimAsString(SellavieClaims.USER_ID));
        return TenantContext.currentBusinessId().flatMap(businessId -> accounts.member(userId, businessId))
                .<ResponseEntity<?>>map(member -> ResponseEntity.ok(new Me(
                        new Me.User(member.userId(), member.email()),
                        new Me.Business(member.businessId(), member.businessName()),
                        member.role().name())))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.FORBIDDEN).body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.FORBIDDEN, "The token's user is not a member of the token's business.")));
    }

    record Me(User user, Business business, String role) {

        record User(UUID id, String email) {
        }

        record Business(UUID id, String name) {
        }
    }
}
