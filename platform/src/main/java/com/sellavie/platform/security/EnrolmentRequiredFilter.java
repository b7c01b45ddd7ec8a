package com.sellavie.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token with {@code mfa_enrolment_required: true} (the business requires 2FA, the member has not
 * enrolled) opens only {@link AccessTokenClaims#ENROLMENT_PATHS}; anything else is
 * {@code 403 {"reason":"TWO_FACTOR_REQUIRED"}}, so every service holds the policy, not just the edge.
 */
public class EnrolmentRequiredFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt
                && Boolean.TRUE.equals(jwt.getToken().getClaimAsBoolean(AccessTokenClaims.MFA_ENROLMENT_REQUIRED))
                && !AccessTokenClaims.ENROLMENT_PATHS.contains(pathWithinApplication(request))) {
            ProblemResponses.write(request, response, HttpStatus.FORBIDDEN, "Two-factor authentication required",
                    "Your business requires two-factor authentication: enrol first.",
                    AccessTokenClaims.TWO_FACTOR_REQUIRED);
            return;
        }
        chain.doFilter(request, response);
    }

    private static String pathWithinApplication(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
