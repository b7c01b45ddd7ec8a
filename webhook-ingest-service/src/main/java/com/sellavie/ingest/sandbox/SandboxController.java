package com.sellavie.ingest.sandbox;

import com.sellavie.events.ingest.InboundMessageReceived;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/sandbox/messages {"text"}}: any member writes to their own business's assistant as a
 * customer would; the reply appears in the member's sandbox conversation (conversation-service).
 */
@RestController
class SandboxController {

    static final int MAX_TEXT_LENGTH = 1000;

    private final SandboxMessages messages;
    private final SandboxRateLimits limits;
    private final MeterRegistry meters;

    SandboxController(SandboxMessages messages, SandboxRateLimits limits, MeterRegistry meters) {
        this.messages = messages;
        this.limits = limits;
        this.meters = meters;
    }

    record Accepted(String messageId, UUID eventId) {
    }

    @PostMapping("/api/sandbox/messages")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
    ResponseEntity<Accepted> send(@RequestBody(required = false) SandboxMessageRequest request,
            @AuthenticationPrincipal Jwt member) {
        String text = request == null ? null : request.text();
        if (text == null || text.isBlank() || text.length() > MAX_TEXT_LENGTH) {
            meters.counter("sellavie.ingest.sandbox.messages", "outcome", "invalid").increment();
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The text must be 1 to " + MAX_TEXT_LENGTH + " characters.");
            problem.setTitle("Invalid sandbox message");
            problem.setProperty("errors", Map.of("text", text == null || text.isBlank() ? "required" : "too long"));
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        UUID businessId = UUID.fromString(member.getClaimAsString("business_id"));
        if (!limits.tryAcquire(businessId)) {
            meters.counter("sellavie.ingest.sandbox.messages", "outcome", "rate_limited").increment();
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many sandbox messages for your business just now; try again in a minute.");
            problem.setTitle("Sandbox rate limit");
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(limits.refillPeriod().toSeconds()));
            throw new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null) {
                @Override
                public HttpHeaders getHeaders() {
                    return headers;
                }
            };
        }
        InboundMessageReceived event = messages.publish(businessId, UUID.fromString(member.getSubject()), text);
        meters.counter("sellavie.ingest.sandbox.messages", "outcome", "published").increment();
        return ResponseEntity.accepted().body(new Accepted(event.getExternalMessageId(), event.getEventId()));
    }
}
