package com.sellavie.ingest.meta;

import java.util.List;

/**
 * What a customer's message holds beyond its text: attachments, the story it answers, the button it
 * taps, a shared location, or (instead of a message) a reaction to an earlier one or a public comment.
 */
record MetaContent(List<Attachment> attachments, StoryReply storyReply, Interactive interactive, Location location,
        Reaction reaction, Comment comment) {

    static final MetaContent NONE = new MetaContent(List.of(), null, null, null, null);

    MetaContent {
        attachments = List.copyOf(attachments);
    }

    /** A direct message's content (no comment). */
    MetaContent(List<Attachment> attachments, StoryReply storyReply, Interactive interactive, Location location,
            Reaction reaction) {
        this(attachments, storyReply, interactive, location, reaction, null);
    }

    static MetaContent comment(Comment comment) {
        return new MetaContent(List.of(), null, null, null, null, comment);
    }

    static MetaContent reaction(Reaction reaction) {
        return new MetaContent(List.of(), null, null, null, reaction);
    }

    /** @param type Meta's kind, lower case; url for Instagram/Messenger, mediaId (and caption) for WhatsApp */
    record Attachment(String type, String url, String mediaId, String caption) {
    }

    record StoryReply(String id, String url) {
    }

    /** @param kind button_reply, list_reply, button or quick_reply */
    record Interactive(String kind, String id, String title) {
    }

    record Location(double latitude, double longitude, String name, String address) {
    }

    /** @param action REACT or UNREACT; emoji null when removed */
    record Reaction(String action, String emoji, String targetMessageId) {
    }

    /**
     * @param postId           Facebook post_id or Instagram media.id, when given
     * @param parentId         the comment answered in a thread; null for a top-level comment
     * @param mediaProductType Instagram media.media_product_type, else null
     */
    record Comment(String commentId, String postId, String parentId, String mediaProductType) {
    }
}
