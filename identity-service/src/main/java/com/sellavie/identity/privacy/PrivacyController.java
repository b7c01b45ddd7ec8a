package com.sellavie.identity.privacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.sellavie.identity.privacy.PrivacyExceptions.InvalidRequestException;
import com.sellavie.identity.privacy.PrivacyExceptions.RequestNotFoundException;
import com.sellavie.identity.privacy.PrivacyRequest.Kind;
import com.sellavie.platform.tenancy.SellavieClaims;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The token's business's privacy requests, OWNER only: {@code POST /api/privacy/exports} and
 * {@code /erasures} ({@code {"contactId"}} or {@code {"scope":"BUSINESS"}}) -> 202, the list, each
 * request with every service's progress, and an erasure's retry. Another business's ids: 404.
 */
@RestController
@RequestMapping("/api/privacy")
@PreAuthorize("hasRole('OWNER')")
class PrivacyController {

    private final PrivacyDesk desk;
    private final ExportDownload downloads;

    PrivacyController(PrivacyDesk desk, ExportDownload downloads) {
        this.desk = desk;
        this.downloads = downloads;
    }

    /** The export's ZIP once every part is in; 409 problem JSON while it is not (or after it expired). */
    @GetMapping(path = "/exports/{id}/archive", produces = {"application/zip", "application/problem+json"})
    ResponseEntity<byte[]> archive(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
        UUID requestId = id(id);
        byte[] zip = downloads.archive(businessId(token), requestId);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .contentType(org.springframework.http.MediaType.parseMediaType("application/zip"))
                .header("Content-Disposition", "attachment; filename=\"sellavie-export-" + requestId + ".zip\"")
                .body(zip);
    }

    @PostMapping("/exports")
    ResponseEntity<Accepted> export(@RequestBody(required = false) Subject subject, @AuthenticationPrincipal Jwt token) {
        return accepted(desk.start(businessId(token), userId(token), Kind.EXPORT, Subject.contactOf(subject)), "exports");
    }

    @PostMapping("/erasures")
    ResponseEntity<Accepted> erase(@RequestBody(required = false) Subject subject, @AuthenticationPrincipal Jwt token) {
        return accepted(desk.start(businessId(token), userId(token), Kind.ERASURE, Subject.contactOf(subject)),
                "erasures");
    }

    @PostMapping("/erasures/{id}/retry")
    ResponseEntity<Accepted> retry(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
        return accepted(desk.retry(businessId(token), id(id)), "erasures");
    }

    @GetMapping("/requests")
    ResponseEntity<RequestList> list(@AuthenticationPrincipal Jwt token) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new RequestList(desk.list(businessId(token)).stream().map(RequestView::of).toList()));
    }

    @GetMapping("/exports/{id}")
    ResponseEntity<RequestView> exportRequest(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
        return view(desk.find(businessId(token), id(id), Kind.EXPORT));
    }

    @GetMapping("/erasures/{id}")
    ResponseEntity<RequestView> erasureRequest(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
        return view(desk.find(businessId(token), id(id), Kind.ERASURE));
    }

    private static ResponseEntity<Accepted> accepted(PrivacyRequest request, String collection) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/privacy/" + collection + "/" + request.id()))
                .cacheControl(CacheControl.noStore())
                .body(new Accepted(request.id(), request.status().name()));
    }

    private static ResponseEntity<RequestView> view(PrivacyRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(RequestView.of(request));
    }

    private static UUID businessId(Jwt token) {
        return UUID.fromString(token.getClaimAsString(SellavieClaims.BUSINESS_ID));
    }

    private static UUID userId(Jwt token) {
        return UUID.fromString(token.getClaimAsString(SellavieClaims.USER_ID));
    }

    private static UUID id(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new RequestNotFoundException();
        }
    }

    /** The request body: one contact, or the whole business. */
    record Subject(String contactId, String scope) {

        /** The contact, or null for the whole business; anything else is invalid input. */
        static UUID contactOf(Subject subject) {
            if (subject == null || (subject.contactId() == null && subject.scope() == null)) {
                throw new InvalidRequestException(Map.of("contactId",
                        "Give a contactId, or scope BUSINESS for the whole business."));
            }
            String scope = subject.scope() == null ? null : subject.scope().strip();
            if (subject.contactId() == null) {
                if (!"BUSINESS".equals(scope)) {
                    throw new InvalidRequestException(Map.of("scope", "Must be BUSINESS, or give a contactId."));
                }
                return null;
            }
            if (scope != null && !"CONTACT".equals(scope)) {
                throw new InvalidRequestException(Map.of("scope", "A contactId goes with scope CONTACT (or none)."));
            }
            try {
                return UUID.fromString(subject.contactId().strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException(Map.of("contactId", "Must be a contact id (a UUID)."));
            }
        }
    }

    record Accepted(UUID id, String status) {
    }

    record RequestList(List<RequestView> requests) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RequestView(UUID id, String kind, String scope, UUID contactId, String source, UUID requestedBy,
            String status, Instant createdAt, Instant completedAt, List<TaskView> services) {

        static RequestView of(PrivacyRequest request) {
            return new RequestView(request.id(), request.kind().name(), request.scope().name(), request.contactId(),
                    request.source().name(), request.requestedBy(), request.status().name(), request.createdAt(),
                    request.completedAt(), request.tasks().stream().map(TaskView::of).toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TaskView(String service, String status, int itemCount, String detail, Instant answeredAt) {

        static TaskView of(PrivacyRequest.Task task) {
            return new TaskView(task.service(), task.outcome().name(), task.itemCount(), task.detail(),
                    task.answeredAt());
        }
    }
}
