package com.sellavie.conversation.conversations;

import com.sellavie.conversation.conversations.ConversationViews.ConversationSummary;
import com.sellavie.conversation.conversations.ConversationViews.MessageView;
import com.sellavie.platform.tenancy.TenantContext;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/conversations}: the current business's conversations. Another business's conversation
 * id answers 404, exactly like an id that does not exist.
 */
@RestController
@RequestMapping("/api/conversations")
class ConversationController {

    private static final int MAX_LIMIT = 200;

    private final ConversationQueries queries;

    ConversationController(ConversationQueries queries) {
        this.queries = queries;
    }

    /** Newest activity first. */
    @GetMapping
    List<ConversationSummary> list(@RequestParam(defaultValue = "50") int limit) {
        return queries.conversations(TenantContext.requireBusinessId(), Math.clamp(limit, 1, MAX_LIMIT));
    }

    /** Oldest first, with each outbound message's delivery status (PENDING, ATTEMPTING, SENT, FAILED, UNKNOWN, EXPIRED). */
    @GetMapping("/{id}/messages")
    List<MessageView> messages(@PathVariable UUID id) {
        UUID businessId = TenantContext.requireBusinessId();
        if (!queries.exists(businessId, id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such conversation");
        }
        return queries.messages(businessId, id);
    }
}
