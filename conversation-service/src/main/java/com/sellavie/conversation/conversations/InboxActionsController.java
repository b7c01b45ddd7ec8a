package com.sellavie.conversation.conversations;

import com.sellavie.conversation.conversations.ConversationViews.ConversationSummary;
import com.sellavie.conversation.conversations.ConversationViews.MessageView;
import com.sellavie.conversation.handoff.ConversationModes;
import com.sellavie.platform.tenancy.TenantContext;
import jakarta.validation.Valid;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * What any member does to a conversation: take it over, release it to the assistant, close it,
 * assign it, label it, mark it read, add an internal note. Each answers the conversation as the list
 * shows it (a note: the note); another business's id is a 404 and changes nothing.
 */
@RestController
@RequestMapping("/api/conversations/{id}")
@PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
class InboxActionsController {

    private final ConversationModes modes;
    private final InboxOrganisation inbox;
    private final ConversationQueries queries;

    InboxActionsController(ConversationModes modes, InboxOrganisation inbox, ConversationQueries queries) {
        this.modes = modes;
        this.inbox = inbox;
        this.queries = queries;
    }

    /** HUMAN, assigned to the caller: the assistant stops answering. */
    @PostMapping("/takeover")
    public ConversationSummary takeOver(@PathVariable UUID id, @AuthenticationPrincipal Jwt member) {
        UUID business = TenantContext.requireBusinessId();
        return answer(business, id, () -> modes.takeOver(business, id, requireMember(member)));
    }

    @PostMapping("/release")
    public ConversationSummary release(@PathVariable UUID id, @AuthenticationPrincipal Jwt member) {
        UUID business = TenantContext.requireBusinessId();
        return answer(business, id, () -> modes.release(business, id, ConversationController.memberId(member)));
    }

    @PostMapping("/close")
    public ConversationSummary close(@PathVariable UUID id, @AuthenticationPrincipal Jwt member) {
        UUID business = TenantContext.requireBusinessId();
        return answer(business, id, () -> modes.close(business, id, ConversationController.memberId(member)));
    }

    @PutMapping("/assignee")
    public ConversationSummary assign(@PathVariable UUID id, @RequestBody InboxRequests.Assignee body) {
        UUID business = TenantContext.requireBusinessId();
        return answer(business, id, () -> inbox.assign(business, id, body.assigneeId()));
    }

    @PutMapping("/labels")
    public ConversationSummary label(@PathVariable UUID id, @Valid @RequestBody InboxRequests.Labels body) {
        UUID business = TenantContext.requireBusinessId();
        return answer(business, id, () -> inbox.label(business, id, body.normalised()));
    }

    @PostMapping("/read")
    public ConversationSummary read(@PathVariable UUID id) {
        UUID business = TenantContext.requireBusinessId();
        return answer(business, id, () -> inbox.read(business, id));
    }

    @PostMapping("/notes")
    @ResponseStatus(HttpStatus.CREATED)
    public MessageView note(@PathVariable UUID id, @Valid @RequestBody InboxRequests.Note body,
            @AuthenticationPrincipal Jwt member) {
        UUID business = TenantContext.requireBusinessId();
        UUID note = inbox.note(business, id, requireMember(member), body.text().strip())
                .orElseThrow(ConversationController::notFound);
        return queries.message(business, note).orElseThrow();
    }

    private ConversationSummary answer(UUID business, UUID id, BooleanSupplier change) {
        if (!change.getAsBoolean()) {
            throw ConversationController.notFound();
        }
        return queries.conversation(business, id).orElseThrow(ConversationController::notFound);
    }

    private static UUID requireMember(Jwt member) {
        UUID id = ConversationController.memberId(member);
        if (id == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "The token names no member");
        }
        return id;
    }
}
