package com.sellavie.platform.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request carrying {@code Authorization: Bearer <operator token>} as the operator
 * (authority {@code ROLE_OPERATOR}). Anything else stays anonymous and is refused by the chain:
 * a merchant's JWT is just another wrong token here.
 */
final class OperatorTokenFilter extends OncePerRequestFilter {

    static final String ROLE = "OPERATOR";
    private static final String BEARER = "Bearer ";

    private final OperatorToken token;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    OperatorTokenFilter(OperatorToken token) {
        this.token = token;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (token.matches(presentedToken(request))) {
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("operator", null,
                    AuthorityUtils.createAuthorityList("ROLE_" + ROLE)));
            contexts.setContext(context);
        }
        chain.doFilter(request, response);
    }

    /** The bearer value of the request, or null. */
    static String presentedToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return header.substring(BEARER.length()).strip();
    }
}
