package com.sellavie.conversation.conversations;

import com.sellavie.conversation.conversations.ConversationViews.ConversationSummary;
import com.sellavie.platform.tenancy.TenantContext;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/sandbox/conversation}: the caller's own "Try your assistant" conversation (ingest makes
 * each member the sandbox's customer {@code member-<userId>}), 404 until their first sandbox message is
 * recorded. Its messages are read as any conversation's ({@code /api/conversations/{id}/messages}).
 */
@RestController
@PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
class SandboxConversationController {

    private final ConversationQueries queries;

    SandboxConversationController(ConversationQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/sandbox/conversation")
    ConversationSummary mine(@AuthenticationPrincipal Jwt member) {
        return queries.sandboxConversation(TenantContext.requireBusinessId(), "member-" + member.getSubject())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "No sandbox conversation yet: send a first message"));
    }
}
