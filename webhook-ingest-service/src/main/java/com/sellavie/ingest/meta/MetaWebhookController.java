package com.sellavie.ingest.meta;

import com.sellavie.ingest.webhook.BoundedBody;
import com.sellavie.ingest.webhook.WebhookCommits;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Meta's webhook callback. POST order matters: size limit while reading the raw bytes, signature over
 * those exact bytes, and only then parsing; nothing is published unless all of it passed. Spring
 * never sees the body (no {@code @RequestBody}), so no converter can read or re-encode it first.
 */
@RestController
@RequestMapping("/webhooks/meta")
class MetaWebhookController {

    private static final Logger log = LoggerFactory.getLogger(MetaWebhookController.class);
    private static final int MAX_CHALLENGE_LENGTH = 256;

    private final MetaAuthenticator authenticator;
    private final MetaPayloadParser parser;
    private final MetaWebhookIngestion ingestion;
    private final WebhookCommits commits;
    private final MetaWebhookMetrics metrics;
    private final int maxBodyBytes;

    MetaWebhookController(MetaAuthenticator authenticator, MetaPayloadParser parser, MetaWebhookIngestion ingestion,
            WebhookCommits commits, MeterRegistry meters, MetaProperties properties) {
        this.authenticator = authenticator;
        this.parser = parser;
        this.ingestion = ingestion;
        this.commits = commits;
        this.metrics = new MetaWebhookMetrics(meters);
        this.maxBodyBytes = (int) Math.min(Integer.MAX_VALUE - 1, properties.maxBodySize().toBytes());
    }

    /** The subscription handshake: echo the challenge only for the configured verify token. */
    @GetMapping
    ResponseEntity<?> verify(@RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String token,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        if (!"subscribe".equals(mode) || !authenticator.verifyTokenMatches(token)) {
            metrics.handshake("refused");
            // Neither value is logged as received: the token is a secret, and both are caller-controlled text.
            log.warn("Meta handshake refused (mode {}, verify token {})", "subscribe".equals(mode) ? "subscribe"
                    : mode == null ? "missing" : "other", token == null || token.isEmpty() ? "missing" : "wrong");
            return problem(HttpStatus.FORBIDDEN, "Verification refused", "Wrong hub.mode or hub.verify_token.");
        }
        if (challenge == null || challenge.isEmpty() || challenge.length() > MAX_CHALLENGE_LENGTH
                || !challenge.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            metrics.handshake("bad_challenge");
            return problem(HttpStatus.BAD_REQUEST, "Bad challenge", "hub.challenge is missing or not printable.");
        }
        metrics.handshake("accepted");
        log.info("Meta webhook subscription verified");
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
    }

    /**
     * Answers 200 with no body once the webhook's events are durable. The answer needs no content negotiation, so the
     * method returns nothing (a {@code ResponseEntity} is negotiated even without a body: ~7 % of a webhook's CPU in
     * ingest's profile, docs/benchmarks.md "Ingest throughput", stop 61); a refusal is thrown as {@link Refused}.
     */
    @PostMapping
    @ResponseStatus(HttpStatus.OK)
    void receive(HttpServletRequest request) throws IOException {
        byte[] body;
        try {
            body = BoundedBody.read(request.getInputStream(), request.getContentLengthLong(), maxBodyBytes);
        } catch (BoundedBody.TooLargeException e) {
            metrics.webhook("too_large");
            log.warn("Meta webhook refused: {}", e.getMessage());
            // The rest of the body is not read: close the connection rather than drain it.
            throw new Refused(HttpStatus.CONTENT_TOO_LARGE, "Body too large",
                    "Webhook bodies are limited to " + maxBodyBytes + " bytes.", true);
        }
        List<String> signatures = Collections.list(request.getHeaders(MetaAuthenticator.SIGNATURE_HEADER));
        if (!authenticator.signatureMatches(body, signatures)) {
            metrics.webhook("unauthorized");
            log.warn("Meta webhook refused: {} {} signature ({} bytes)", signatures.isEmpty() ? "missing" : "invalid",
                    MetaAuthenticator.SIGNATURE_HEADER, body.length);
            throw new Refused(HttpStatus.UNAUTHORIZED, "Invalid signature",
                    MetaAuthenticator.SIGNATURE_HEADER + " is missing or does not sign this body.", false);
        }
        MetaNotification notification;
        try {
            notification = parser.parse(body);
        } catch (MalformedPayloadException e) {
            metrics.webhook("malformed");
            log.warn("Signed Meta webhook refused: {} ({} bytes)", e.getMessage(), body.length);
            throw new Refused(HttpStatus.BAD_REQUEST, "Malformed webhook", e.getMessage() + ".", false);
        }
        // Answered only once this webhook's events are durable: acknowledged by Kafka, or committed in the transaction
        // holding them (batched with others'), the only way when a route had to be looked up or a DM kept.
        MetaWebhookIngestion.Outcome outcome = ingestion.ingestRoutedInMemory(notification)
                .orElseGet(() -> commits.commit(() -> ingestion.ingest(notification, body)));
        metrics.webhook("accepted");
        metrics.events(notification, outcome);
        log.debug("Meta webhook ({}) accepted: {} published, {} unroutable, {} ignored", notification.objectType(),
                outcome.published(), outcome.unroutable(), notification.ignored().size());
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<ProblemDetail> refused(Refused refusal) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(refusal.status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (refusal.closeConnection) {
            answer.header(HttpHeaders.CONNECTION, "close");
        }
        return answer.body(detail(refusal.status, refusal.title, refusal.getMessage()));
    }

    /** A webhook refused before anything was published: counted and logged where it was decided, answered by {@link #refused}. */
    static final class Refused extends RuntimeException {

        private final HttpStatus status;
        private final String title;
        private final boolean closeConnection;

        Refused(HttpStatus status, String title, String detail, boolean closeConnection) {
            super(detail, null, false, false); // an answer, not a fault: no stack trace to fill
            this.status = status;
            this.title = title;
            this.closeConnection = closeConnection;
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(detail(status, title, detail));
    }

    private static ProblemDetail detail(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create("/webhooks/meta"));
        return problem;
    }
}
