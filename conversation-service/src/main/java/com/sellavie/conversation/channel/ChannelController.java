package com.sellavie.conversation.channel;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/channels}: the current business's channels (tenant from the access token). Any member
 * reads them; only an OWNER or ADMIN connects or disconnects one, and connecting needs the acting member's
 * confirmed email address ({@link VerifiedEmailGate}).
 */
@RestController
@RequestMapping("/api/channels")
class ChannelController {

    private final ChannelService service;
    private final WhatsAppTemplates templates;

    ChannelController(ChannelService service, WhatsAppTemplates templates) {
        this.service = service;
        this.templates = templates;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    ChannelView connect(@AuthenticationPrincipal Jwt member, @Valid @RequestBody ConnectChannelRequest request) {
        VerifiedEmailGate.require(member);
        return ChannelView.of(service.connect(request.resolve()));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
    List<ChannelView> list() {
        return service.list().stream().map(ChannelView::of).toList();
    }

    /** Approved WhatsApp templates (any member: agents send them); [] for other channel types. */
    @GetMapping("/{id}/templates")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
    List<MessageTemplate> templates(@PathVariable UUID id) {
        return templates.approved(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    void disconnect(@PathVariable UUID id) {
        service.disconnect(id);
    }
}
