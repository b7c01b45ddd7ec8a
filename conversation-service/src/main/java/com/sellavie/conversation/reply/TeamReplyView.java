package com.sellavie.conversation.reply;

import com.sellavie.conversation.messaging.Message;
import com.sellavie.conversation.outbound.TemplateMessage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The queued reply as the messages list shows it (authorType MEMBER, deliveryStatus PENDING at first). */
record TeamReplyView(UUID id, String direction, String authorType, String authorId, String text, Instant sentAt,
        String deliveryStatus, String failureReason, Integer attempts, String resolution, List<Attachment> attachments,
        TemplateMessage template) {

    record Attachment(String type, String url) {
    }

    static TeamReplyView of(Message message, String authorId, String imageUrl, TemplateMessage template) {
        return new TeamReplyView(message.id(), message.direction(), message.authorType(), authorId, message.text(),
                message.sentAt(), message.deliveryStatus(), null, message.attempts(), null,
                imageUrl == null ? List.of() : List.of(new Attachment("image", imageUrl)), template);
    }
}
