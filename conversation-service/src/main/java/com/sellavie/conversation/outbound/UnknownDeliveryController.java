package com.sellavie.conversation.outbound;

import com.sellavie.conversation.messaging.Message;
import com.sellavie.platform.tenancy.TenantContext;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/conversations/{conversationId}/messages/{messageId}/resend | mark-delivered}: any
 * member of the business (every role may act on the inbox); who did it is recorded.
 */
@RestController
@RequestMapping("/api/conversations/{conversationId}/messages/{messageId}")
@PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
class UnknownDeliveryController {

    private final UnknownDeliveryActions actions;

    UnknownDeliveryController(UnknownDeliveryActions actions) {
        this.actions = actions;
    }

    @PostMapping("/resend")
    DeliveryView resend(@PathVariable UUID conversationId, @PathVariable UUID messageId,
            @AuthenticationPrincipal Jwt member) {
        return DeliveryView.of(actions.resend(TenantContext.requireBusinessId(), conversationId, messageId,
                member.getSubject()));
    }

    @PostMapping("/mark-delivered")
    DeliveryView markDelivered(@PathVariable UUID conversationId, @PathVariable UUID messageId,
            @AuthenticationPrincipal Jwt member) {
        return DeliveryView.of(actions.markDelivered(TenantContext.requireBusinessId(), conversationId, messageId,
                member.getSubject()));
    }

    /** The message after the action, as the messages list shows it. */
    record DeliveryView(UUID id, String direction, String text, String deliveryStatus, int attempts) {
        static DeliveryView of(Message message) {
            return new DeliveryView(message.id(), message.direction(), message.text(), message.deliveryStatus(),
                    message.attempts());
        }
    }
}
