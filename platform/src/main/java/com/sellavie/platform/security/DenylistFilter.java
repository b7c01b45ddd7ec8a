package com.sellavie.platform.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs right after the bearer token was verified: a revoked token is answered 401 like any invalid
 * one; when the denylist cannot be read the request is refused (fail closed) with
 * {@code 503 {"title":"Authentication temporarily unavailable"}}, counted as
 * {@code sellavie.security.denylist.failures} and logged with its cause at most every 10 seconds.
 */
public class DenylistFilter extends OncePerRequestFilter {

    static final String METRIC = "sellavie.security.denylist.failures";
    private static final Logger log = LoggerFactory.getLogger(DenylistFilter.class);
    private static final Duration LOG_EVERY = Duration.ofSeconds(10);

    private final AccessTokenDenylist denylist;
    private final AuthenticationEntryPoint unauthorized;
    private final Counter failures;
    private final Clock clock = Clock.systemUTC();
    private final AtomicLong lastLogged = new AtomicLong(Long.MIN_VALUE / 2);
    private final AtomicLong unloggedFailures = new AtomicLong();
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    public DenylistFilter(AccessTokenDenylist denylist, AuthenticationEntryPoint unauthorized, MeterRegistry meters) {
        this.denylist = denylist;
        this.unauthorized = unauthorized;
        this.failures = Counter.builder(METRIC).description("Requests refused because the access-token denylist "
                + "(Redis) could not be read").register(meters);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = contexts.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            boolean revoked;
            try {
                revoked = denylist.revoked(jwt.getToken());
            } catch (AccessTokenDenylist.DenylistUnavailableException e) {
                failures.increment();
                logRateLimited(e);
                contexts.clearContext();
                ProblemResponses.write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
                        "Authentication temporarily unavailable",
                        "Access tokens cannot be checked right now. Try again shortly.");
                return;
            }
            if (revoked) {
                contexts.clearContext();
                unauthorized.commence(request, response, new InvalidBearerTokenException("The token was revoked"));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void logRateLimited(RuntimeException e) {
        long now = clock.millis();
        long last = lastLogged.get();
        long suppressed = unloggedFailures.incrementAndGet();
        if (now - last >= LOG_EVERY.toMillis() && lastLogged.compareAndSet(last, now)) {
            unloggedFailures.addAndGet(-suppressed);
            Throwable cause = e.getCause() == null ? e : e.getCause();
            log.error("Refused {} request(s) since the last report: the access-token denylist (Redis) is unavailable "
                    + "({}: {})", suppressed, cause.getClass().getSimpleName(), cause.getMessage());
        }
    }
}
