package com.sellavie.platform.security;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A security chain for a path that only a {@link SharedToken} opens ({@code Authorization: Bearer
 * <token>}): the operator's {@code /ops/**}, the services' {@code /internal/**}. A merchant's JWT,
 * whatever its role, is just another wrong token here. Refusals are problem JSON (401 for a missing or
 * wrong token, 403 when the instance has no token: closed), logged without the presented value and
 * counted as {@code <metric>{reason=missing_token|wrong_token|closed}}.
 *
 * @param paths     the chain's path pattern
 * @param principal the authenticated name ("operator", "service")
 * @param role      the role granted (without {@code ROLE_})
 * @param who       what the token is, for messages ("operator token")
 * @param metric    the refusal counter's name
 */
public record SharedTokenChain(String paths, String principal, String role, String who, String metric) {

    private static final Logger log = LoggerFactory.getLogger(SharedTokenChain.class);
    private static final String BEARER = "Bearer ";

    public SecurityFilterChain build(HttpSecurity http, SharedToken token, MeterRegistry meters) throws Exception {
        Refusal refusal = new Refusal(token, meters);
        return http
                .securityMatcher(paths)
                .authorizeHttpRequests(requests -> {
                    if (token.configured()) {
                        requests.anyRequest().hasRole(role);
                    } else {
                        requests.anyRequest().denyAll();
                    }
                })
                .addFilterBefore(new TokenFilter(token), AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> refusal.refuse(request, response))
                        .accessDeniedHandler((request, response, e) -> refusal.refuse(request, response)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // A bearer header, never a cookie: CSRF protection has nothing to protect.
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** The bearer value of the request, or null. */
    public static String presentedToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return header.substring(BEARER.length()).strip();
    }

    private final class TokenFilter extends OncePerRequestFilter {

        private final SharedToken token;
        private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

        TokenFilter(SharedToken token) {
            this.token = token;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (token.matches(presentedToken(request))) {
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                        AuthorityUtils.createAuthorityList("ROLE_" + role)));
                contexts.setContext(context);
            }
            chain.doFilter(request, response);
        }
    }

    private final class Refusal {

        private final SharedToken token;
        private final MeterRegistry meters;

        Refusal(SharedToken token, MeterRegistry meters) {
            this.token = token;
            this.meters = meters;
        }

        void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (!token.configured()) {
                count("closed");
                log.info("Request {} {} refused: closed on this instance (no {} configured)", request.getMethod(),
                        request.getRequestURI(), who);
                ProblemResponses.write(request, response, HttpStatus.FORBIDDEN,
                        "Closed on this instance: no " + who + " is configured.");
                return;
            }
            String reason = presentedToken(request) == null ? "missing_token" : "wrong_token";
            count(reason);
            log.warn("Request {} {} from {} refused: {} ({})", request.getMethod(), request.getRequestURI(),
                    request.getRemoteAddr(), reason.replace('_', ' '), who);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED,
                    "The " + who + " is required (Authorization: Bearer).");
        }

        private void count(String reason) {
            if (meters != null) {
                meters.counter(metric, "reason", reason).increment();
            }
        }
    }
}
