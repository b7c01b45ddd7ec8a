package com.sellavie.notification.feed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The console's notification feed, for every member of the business (any role). The business is the access
 * token's; other tenants' rows do not exist here.
 */
@RestController
@RequestMapping("/api/notifications")
@PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
class NotificationsController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final MerchantNotifications notifications;

    NotificationsController(MerchantNotifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    NotificationPage list(@AuthenticationPrincipal Jwt member, @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (page < 0) {
            errors.put("page", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.put("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (!errors.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid paging parameters");
            problem.setProperty("errors", errors);
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        return notifications.page(UUID.fromString(member.getSubject()), unread, page, limit);
    }

    @PostMapping("/{id}/read")
    Notification markRead(@PathVariable UUID id) {
        return notifications.markRead(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No notification " + id));
    }
}
