package com.sellavie.conversation.attention;

import com.sellavie.platform.tenancy.TenantContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/messages?status=UNKNOWN&status=FAILED&limit=100}: the business's outbound messages in
 * those delivery states, newest first (default: every state that needs a person). Any member may read it.
 */
@RestController
@RequestMapping("/api/messages")
class AttentionController {

    private static final int MAX_LIMIT = 1000;

    private final AttentionQueries queries;

    AttentionController(AttentionQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
    List<AttentionMessage> list(@RequestParam(name = "status", required = false) List<String> statuses,
            @RequestParam(defaultValue = "100") int limit) {
        return queries.messages(TenantContext.requireBusinessId(), parse(statuses), Math.clamp(limit, 1, MAX_LIMIT));
    }

    private static Set<AttentionStatus> parse(List<String> statuses) {
        if (statuses == null || statuses.isEmpty()) {
            return EnumSet.allOf(AttentionStatus.class);
        }
        Set<AttentionStatus> parsed = EnumSet.noneOf(AttentionStatus.class);
        for (String status : statuses) {
            try {
                parsed.add(AttentionStatus.valueOf(status.strip()));
            } catch (IllegalArgumentException e) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        "status must be one of " + EnumSet.allOf(AttentionStatus.class) + ", not '" + status + "'");
            }
        }
        return parsed;
    }
}
