package com.sellavie.conversation.reply;

import com.sellavie.platform.tenancy.TenantContext;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/conversations/{id}/messages}: a member of the business (OWNER, ADMIN, AGENT)
 * replies as themself; 201 with the queued message. Another business's conversation answers 404.
 */
@RestController
class TeamReplyController {

    private static final int MAX_IDEMPOTENCY_KEY = 255;

    private final TeamReplies replies;

    TeamReplyController(TeamReplies replies) {
        this.replies = replies;
    }

    @PostMapping("/api/conversations/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
    TeamReplyView reply(@PathVariable UUID id, @Valid @RequestBody TeamReplyRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt member) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw ReplyRefusedException.invalid("Idempotency-Key", "must be 1 to 255 characters");
        }
        TeamReplies.QueuedReply queued = replies.reply(TenantContext.requireBusinessId(), id, member.getSubject(),
                request, idempotencyKey);
        return TeamReplyView.of(queued.message(), member.getSubject(), queued.imageUrl(), queued.template());
    }
}
