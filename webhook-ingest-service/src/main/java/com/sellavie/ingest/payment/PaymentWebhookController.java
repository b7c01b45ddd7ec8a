package com.sellavie.ingest.payment;

import com.sellavie.events.ingest.PaymentEventReceived;
import com.sellavie.ingest.payment.endpoint.EndpointLookupUnavailableException;
import com.sellavie.ingest.payment.endpoint.PaymentEndpoint;
import com.sellavie.ingest.payment.endpoint.PaymentEndpoints;
import com.sellavie.ingest.payment.endpoint.PaymentProvider;
import com.sellavie.ingest.webhook.BoundedBody;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The payment providers' webhook callbacks, one URL per business and provider. The order is the point:
 * raw bytes within the size limit; the endpoint (business, provider, secrets) from commerce; the provider
 * in the path must be the endpoint's; the signature over the exact bytes; only then the JSON is parsed and
 * normalised; and the event is published in one transaction before the 200. Nothing is published unless the
 * signature held. No {@code @RequestBody}: no converter reads or re-encodes the body before it is verified.
 */
@RestController
class PaymentWebhookController {

    /** contracts.md: {@code pe_} + 24 base62 characters. Anything else is not looked up (nor logged as sent). */
    static final Pattern ENDPOINT_ID = Pattern.compile("pe_[A-Za-z0-9]{24}");
    private static final Logger log = LoggerFactory.getLogger(PaymentWebhookController.class);
    private static final String RETRY_AFTER_SECONDS = "30";

    private final PaymentEndpoints endpoints;
    private final PaymentProviders providers;
    private final PaymentWebhookIngestion ingestion;
    private final PaymentWebhookMetrics metrics;
    private final int maxBodyBytes;

    PaymentWebhookController(PaymentEndpoints endpoints, PaymentProviders providers, PaymentWebhookIngestion ingestion,
            MeterRegistry meters, PaymentWebhookProperties properties) {
        this.endpoints = endpoints;
        this.providers = providers;
        this.ingestion = ingestion;
        this.metrics = new PaymentWebhookMetrics(meters);
        this.maxBodyBytes = (int) Math.min(Integer.MAX_VALUE - 1, properties.maxBodySize().toBytes());
    }

    @PostMapping("/webhooks/{provider:paystack|flutterwave|stripe}/{endpointId}")
    ResponseEntity<?> receive(@PathVariable("provider") String segment, @PathVariable("endpointId") String endpointId,
            HttpServletRequest request) throws IOException {
        PaymentProvider provider = PaymentProvider.ofPathSegment(segment).orElseThrow();
        boolean wellFormedId = ENDPOINT_ID.matcher(endpointId).matches();
        String instance = "/webhooks/" + provider.pathSegment() + (wellFormedId ? "/" + endpointId : "");
        String loggedId = wellFormedId ? endpointId : "<malformed>";
        byte[] body;
        try {
            body = BoundedBody.read(request.getInputStream(), request.getContentLengthLong(), maxBodyBytes);
        } catch (BoundedBody.TooLargeException e) {
            metrics.webhook(provider, "too_large");
            log.warn("{} webhook refused for endpoint {}: {}", provider, loggedId, e.getMessage());
            // The rest of the body is not read: close the connection rather than drain it.
            return problem(HttpStatus.CONTENT_TOO_LARGE).header(HttpHeaders.CONNECTION, "close")
                    .body(detail(HttpStatus.CONTENT_TOO_LARGE, "Body too large",
                            "Webhook bodies are limited to " + maxBodyBytes + " bytes.", instance));
        }
        Optional<PaymentEndpoint> found;
        try {
            found = wellFormedId ? endpoints.find(endpointId) : Optional.empty();
        } catch (EndpointLookupUnavailableException e) {
            metrics.webhook(provider, "unavailable");
            log.warn("{} webhook for endpoint {} answered 503, to be retried by the provider: {}", provider, loggedId,
                    e.getMessage());
            return problem(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .body(detail(HttpStatus.SERVICE_UNAVAILABLE, "Try again later",
                            "The webhook cannot be verified now; it is not accepted.", instance));
        }
        if (found.isEmpty() || found.get().provider() != provider) {
            metrics.webhook(provider, "unknown_endpoint");
            // One answer for "no such id" and "another provider's id": the URL reveals nothing either way.
            log.warn("{} webhook refused: unknown endpoint {}{}", provider, loggedId,
                    found.isPresent() ? " (it is a " + found.get().provider() + " endpoint)" : "");
            return simple(HttpStatus.NOT_FOUND, "Unknown endpoint", "No such webhook endpoint.", instance);
        }
        PaymentEndpoint endpoint = found.get();
        Verdict verdict = providers.signature(provider).verify(body, headersOf(request), endpoint);
        if (!verdict.verified()) {
            metrics.webhook(provider, "unauthorized");
            log.warn("{} webhook refused for endpoint {} of business {}: {} ({} bytes)", provider, endpointId,
                    endpoint.businessId(), verdict.reason(), body.length);
            return simple(HttpStatus.UNAUTHORIZED, "Invalid signature",
                    "The signature is missing, wrong or too old for this body.", instance);
        }
        Normalised normalised;
        try {
            normalised = providers.normaliser(provider).normalise(body);
        } catch (MalformedPaymentException e) {
            metrics.webhook(provider, "malformed");
            log.warn("Signed {} webhook refused for endpoint {}: {} ({} bytes)", provider, endpointId,
                    e.errors(), body.length);
            ProblemDetail detail = detail(HttpStatus.BAD_REQUEST, "Malformed webhook",
                    "The signed body is not a usable " + provider + " event.", instance);
            detail.setProperty("errors", e.errors());
            return problem(HttpStatus.BAD_REQUEST).body(detail);
        }
        if (normalised instanceof Normalised.Ignore ignored) {
            metrics.webhook(provider, "ignored");
            log.debug("{} webhook for endpoint {} verified and ignored (event type {})", provider, endpointId,
                    printable(ignored.eventType()));
            return ResponseEntity.ok().build();
        }
        PaymentNotification notification = ((Normalised.Publish) normalised).notification();
        PaymentEventReceived event = ingestion.publish(notification, endpoint);
        metrics.webhook(provider, "accepted");
        log.info("{} webhook for endpoint {} accepted: {} {} as event {}", provider, endpointId,
                notification.eventType(), notification.status(), event.getEventId());
        return ResponseEntity.ok().build();
    }

    private static HttpHeaders headersOf(HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        for (String name : Collections.list(request.getHeaderNames())) {
            Collections.list(request.getHeaders(name)).forEach(value -> headers.add(name, value));
        }
        return headers;
    }

    /** An event type as received, made safe for one log line. */
    private static String printable(String value) {
        String cut = value.length() > 64 ? value.substring(0, 64) + "…" : value;
        return cut.replaceAll("[^\\x21-\\x7e]", "?");
    }

    private static ResponseEntity<ProblemDetail> simple(HttpStatus status, String title, String text, String instance) {
        return problem(status).body(detail(status, title, text, instance));
    }

    private static ResponseEntity.BodyBuilder problem(HttpStatus status) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static ProblemDetail detail(HttpStatus status, String title, String text, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text);
        problem.setTitle(title);
        problem.setInstance(URI.create(instance));
        return problem;
    }
}
