package com.sellavie.platform.tenancy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the {@code business_id} claim of the request's access token the tenant for the rest of the
 * request. Runs right after Spring Security has authenticated the request; a request without a
 * token (or a token without the claim) has no tenant, and tenant-owned tables refuse it.
 */
class TenantRequestFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        UUID businessId;
        try {
            businessId = businessIdOf(SecurityContextHolder.getContext().getAuthentication());
        } catch (IllegalArgumentException e) {
            // A correctly signed token with a malformed tenant is identity's bug: never guess a tenant.
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Malformed " + SellavieClaims.BUSINESS_ID + " claim");
            return;
        }
        try (TenantContext.Scope ignored = TenantContext.enter(businessId)) {
            chain.doFilter(request, response);
        }
    }

    static UUID businessIdOf(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || !(authentication.getPrincipal() instanceof ClaimAccessor claims)) {
            return null;
        }
        String value = claims.getClaimAsString(SellavieClaims.BUSINESS_ID);
        return value == null || value.isBlank() ? null : UUID.fromString(value);
    }
}
