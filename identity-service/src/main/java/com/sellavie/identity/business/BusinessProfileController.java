package com.sellavie.identity.business;

import com.sellavie.identity.session.ClientInfo;
import com.sellavie.platform.tenancy.SellavieClaims;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/business}: the token's business's profile; any member reads it, OWNERs and ADMINs edit it. */
@RestController
class BusinessProfileController {

    private final ProfileEditing editing;

    BusinessProfileController(ProfileEditing editing) {
        this.editing = editing;
    }

    @GetMapping("/api/business")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
    ResponseEntity<?> profile(@AuthenticationPrincipal Jwt token) {
        UUID businessId = businessId(token);
        return editing.profile(businessId).<ResponseEntity<?>>map(profile -> ok(businessId, profile))
                .orElseGet(BusinessProfileController::notFound);
    }

    @PutMapping("/api/business")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    ResponseEntity<?> edit(@RequestBody ProfileRequest request, @AuthenticationPrincipal Jwt token,
            HttpServletRequest http) {
        ProfileRequest.Valid valid = request.validate();
        UUID businessId = businessId(token);
        UUID memberId = UUID.fromString(token.getClaimAsString(SellavieClaims.USER_ID));
        return editing.edit(businessId, memberId, valid, ClientInfo.of(http))
                .<ResponseEntity<?>>map(profile -> ok(businessId, profile))
                .orElseGet(BusinessProfileController::notFound);
    }

    private static UUID businessId(Jwt token) {
        return UUID.fromString(token.getClaimAsString(SellavieClaims.BUSINESS_ID));
    }

    private static ResponseEntity<View> ok(UUID businessId, BusinessProfile profile) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new View(businessId, profile.name(),
                profile.timeZone(), profile.language(), profile.country(), profile.contactEmail(), profile.logoUrl(),
                profile.updatedAt()));
    }

    private static ResponseEntity<ProblemDetail> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no such business."));
    }

    record View(UUID id, String name, String timeZone, String language, String country, String contactEmail,
            String logoUrl, Instant updatedAt) {
    }
}
