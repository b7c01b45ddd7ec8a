package com.sellavie.identity.privacy.meta;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.sellavie.identity.privacy.PrivacyDesk;
import com.sellavie.identity.privacy.PrivacyDesk.DeletionStatus;
import com.sellavie.identity.privacy.PrivacyDesk.MetaErasure;
import com.sellavie.identity.privacy.meta.SignedRequest.InvalidSignedRequestException;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Meta's public callbacks (no token: the signed_request is the credential): {@code POST
 * /meta/deauthorize} and {@code POST /meta/data-deletion} (form field {@code signed_request}) start a
 * Meta user's erasure; {@code GET /privacy/deletion-status/{code}} shows its progress without personal
 * data. A refused signed_request answers 400 and starts nothing.
 */
@RestController
@EnableConfigurationProperties(MetaCallbackProperties.class)
class MetaCallbackController {

    private static final Logger log = LoggerFactory.getLogger(MetaCallbackController.class);

    private final PrivacyDesk desk;
    private final MetaCallbackProperties properties;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    MetaCallbackController(PrivacyDesk desk, MetaCallbackProperties properties, MeterRegistry meters) {
        this.desk = desk;
        this.properties = properties;
        this.meters = meters;
        if (!properties.configured()) {
            log.warn("sellavie.privacy.meta.app-secret (SELLAVIE_META_APP_SECRET) is not set: Meta's deauthorize "
                    + "and data-deletion callbacks answer 503");
        }
    }

    @PostMapping(path = "/meta/data-deletion", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<DeletionAnswer> dataDeletion(@RequestParam(name = "signed_request", required = false) String signed) {
        SignedRequest.Verified verified = verify(signed, "data-deletion");
        MetaErasure erasure = desk.startMetaErasure(verified.userId(), true);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new DeletionAnswer(properties.statusUrl(erasure.confirmationCode()), erasure.confirmationCode()));
    }

    @PostMapping(path = "/meta/deauthorize", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> deauthorize(@RequestParam(name = "signed_request", required = false) String signed) {
        SignedRequest.Verified verified = verify(signed, "deauthorize");
        desk.startMetaErasure(verified.userId(), false);
        return ResponseEntity.ok().build();
    }

    @GetMapping(path = "/privacy/deletion-status/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DeletionStatus> status(@PathVariable String code) {
        return desk.deletionStatus(code)
                .map(status -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(status))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** The same progress as a small page, for the person who follows the link from Facebook. */
    @GetMapping(path = "/privacy/deletion-status/{code}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> statusPage(@PathVariable String code) {
        return desk.deletionStatus(code)
                .map(status -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.TEXT_HTML)
                        .body(DeletionStatusPage.render(status)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML)
                        .body(DeletionStatusPage.unknown()));
    }

    private SignedRequest.Verified verify(String signed, String callback) {
        if (!properties.configured()) {
            throw new NotConfiguredException();
        }
        try {
            return SignedRequest.verify(signed, properties.secretBytes(), properties.maxAge(), clock);
        } catch (InvalidSignedRequestException e) {
            meters.counter("sellavie.privacy.meta.refused", "callback", callback).increment();
            log.warn("Refused Meta {} callback: {}", callback, e.getMessage());
            throw e;
        }
    }

    @ExceptionHandler
    ProblemDetail refused(InvalidSignedRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid signed_request");
        problem.setType(URI.create("https://sellavie.dev/problems/invalid-signed-request"));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notConfigured(NotConfiguredException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Meta callbacks are not configured here.");
        problem.setTitle("Not configured");
        problem.setType(URI.create("https://sellavie.dev/problems/meta-not-configured"));
        return problem;
    }

    record DeletionAnswer(String url, @JsonProperty("confirmation_code") String confirmationCode) {
    }

    static final class NotConfiguredException extends RuntimeException {

        NotConfiguredException() {
            super("Meta app secret not configured");
        }
    }
}
