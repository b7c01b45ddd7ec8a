package com.sellavie.platform.operations;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers a refused operator request: 401 problem JSON for a missing or wrong token, 403 when this
 * instance has no token at all (closed). Logged (never with the presented value) and counted as
 * {@code sellavie.ops.refusals{reason=missing_token|wrong_token|closed}}.
 */
final class OperatorRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(OperatorRefusals.class);

    private final OperatorToken token;
    private final MeterRegistry meters;

    OperatorRefusals(OperatorToken token, MeterRegistry meters) {
        this.token = token;
        this.meters = meters;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        refuse(request, response);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        refuse(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!token.configured()) {
            count("closed");
            log.info("Operator request {} {} refused: operator endpoints are closed (no operator token configured)",
                    request.getMethod(), request.getRequestURI());
            OpsProblems.closed(request, response);
            return;
        }
        String reason = OperatorTokenFilter.presentedToken(request) == null ? "missing_token" : "wrong_token";
        count(reason);
        log.warn("Operator request {} {} from {} refused: {}", request.getMethod(), request.getRequestURI(),
                request.getRemoteAddr(), reason.replace('_', ' '));
        OpsProblems.unauthorized(request, response);
    }

    private void count(String reason) {
        if (meters != null) {
            meters.counter("sellavie.ops.refusals", "reason", reason).increment();
        }
    }
}
