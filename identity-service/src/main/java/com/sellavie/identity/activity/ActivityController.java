package com.sellavie.identity.activity;

import com.sellavie.platform.tenancy.SellavieClaims;
import com.sellavie.platform.tenancy.Tenancy;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/activity} (OWNER, ADMIN): the token's business's activity, newest first, filtered by
 * {@code category}, {@code kind}, {@code actor} (a user id or {@code system}), {@code from}/{@code to}
 * and paged with the previous answer's {@code nextCursor}.
 */
@RestController
class ActivityController {

    private final ActivityEntries entries;
    private final Tenancy tenancy;

    ActivityController(ActivityEntries entries, Tenancy tenancy) {
        this.entries = entries;
        this.tenancy = tenancy;
    }

    @GetMapping("/api/activity")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    ResponseEntity<ActivityList> activity(@RequestParam(required = false) String category,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) String limit,
            @AuthenticationPrincipal Jwt token) {
        ActivityFilter filter = ActivityFilter.parse(category, kind, actor, from, to, cursor, limit);
        UUID businessId = UUID.fromString(token.getClaimAsString(SellavieClaims.BUSINESS_ID));
        ActivityEntries.Page page = tenancy.callAs(businessId, () -> entries.page(businessId, filter));
        List<ActivityList.Item> items = page.entries().stream().map(ActivityList.Item::of).toList();
        String next = page.more() ? new ActivityFilter.Cursor(page.entries().getLast().occurredAt(),
                page.entries().getLast().id()).encode() : null;
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new ActivityList(items, next));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidFilter(ActivityFilter.InvalidFilterException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some filters are invalid.");
        problem.setTitle("Invalid input");
        problem.setType(URI.create("https://sellavie.dev/problems/invalid-input"));
        problem.setProperty("errors", e.fieldErrors());
        return ResponseEntity.badRequest().body(problem);
    }

    /** @param nextCursor pass as {@code cursor} for the next (older) page; null on the last page */
    record ActivityList(List<Item> items, String nextCursor) {

        /** @param actor {@code user} when a member acted ({@code actorUserId}, {@code actorEmail}), else {@code system} */
        record Item(UUID id, Instant occurredAt, String category, String kind, String actor, UUID actorUserId,
                String actorEmail, String ip, String userAgent, String subject) {

            static Item of(ActivityEntries.Entry entry) {
                return new Item(entry.id(), entry.occurredAt(), entry.category(), entry.kind(),
                        entry.actorUserId() == null ? "system" : "user", entry.actorUserId(), entry.actorEmail(),
                        entry.ip(), entry.userAgent(), entry.subject());
            }
        }
    }
}
