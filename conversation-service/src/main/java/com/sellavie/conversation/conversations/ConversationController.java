package com.sellavie.conversation.conversations;

import com.sellavie.conversation.conversations.ConversationViews.ConversationSummary;
import com.sellavie.conversation.conversations.ConversationViews.MessageView;
import com.sellavie.platform.tenancy.TenantContext;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/conversations}: the current business's conversations, for any member. Another
 * business's conversation id answers 404, exactly like an id that does not exist.
 */
@RestController
@RequestMapping("/api/conversations")
@PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
class ConversationController {

    static final String NEXT_CURSOR = "X-Next-Cursor";
    private static final int MAX_LIMIT = 200;
    private static final int MAX_QUERY = 200;

    private final ConversationQueries queries;

    ConversationController(ConversationQueries queries) {
        this.queries = queries;
    }

    /**
     * Newest activity first, filtered ({@code filter}, {@code label}, {@code q}); {@code X-Next-Cursor}
     * names the next page when there is one.
     */
    @GetMapping
    public ResponseEntity<List<ConversationSummary>> list(@RequestParam(defaultValue = "all") String filter,
            @RequestParam(required = false) String label, @RequestParam(required = false) String q,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit,
            @AuthenticationPrincipal Jwt member) {
        InboxFilter inbox = InboxFilter.named(filter).orElseThrow(() -> badRequest(
                "filter must be one of all, mine, unassigned, bot, human, closed, sandbox"));
        InboxCursor after = cursor == null ? null : InboxCursor.decode(cursor)
                .orElseThrow(() -> badRequest("cursor is not one this API gave out"));
        String search = q == null || q.isBlank() ? null : q.strip();
        if (search != null && search.length() > MAX_QUERY) {
            throw badRequest("q is longer than " + MAX_QUERY + " characters");
        }
        String labelFilter = label == null || label.isBlank() ? null : label.strip().toLowerCase(Locale.ROOT);
        int size = Math.clamp(limit, 1, MAX_LIMIT);
        List<ConversationSummary> page = queries.conversations(TenantContext.requireBusinessId(), inbox,
                memberId(member), labelFilter, search, after, size);
        if (page.size() <= size) {
            return ResponseEntity.ok(page);
        }
        ConversationSummary last = page.get(size - 1);
        return ResponseEntity.ok().header(NEXT_CURSOR, new InboxCursor(last.lastMessageAt(), last.id()).encode())
                .body(page.subList(0, size));
    }

    @GetMapping("/{id}")
    public ConversationSummary get(@PathVariable UUID id) {
        return queries.conversation(TenantContext.requireBusinessId(), id).orElseThrow(ConversationController::notFound);
    }

    /** Oldest first, with each outbound message's delivery status (PENDING, ATTEMPTING, SENT, FAILED, UNKNOWN, EXPIRED). */
    @GetMapping("/{id}/messages")
    public List<MessageView> messages(@PathVariable UUID id) {
        UUID businessId = TenantContext.requireBusinessId();
        if (!queries.exists(businessId, id)) {
            throw notFound();
        }
        return queries.messages(businessId, id);
    }

    /** The caller's user id (the token's subject); null when it is not a UUID (then "mine" is empty). */
    static UUID memberId(Jwt member) {
        try {
            return UUID.fromString(member.getSubject());
        } catch (RuntimeException e) {
            return null;
        }
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such conversation");
    }

    private static ResponseStatusException badRequest(String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }
}
