package com.sellavie.ingest.meta;

import static com.sellavie.ingest.meta.MetaPayloadParser.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Public comments on the business's posts, from {@code entry[].changes[]}: Instagram's {@code comments}
 * field ({@code value: {id, text, from{id,username}, media{id,media_product_type}, parent_id}}) and a
 * Facebook Page's {@code feed} field with {@code item: comment} ({@code value: {verb, comment_id, post_id,
 * parent_id, message, from{id,name}, created_time}}). Only a new comment by someone else becomes a
 * message: the business's own comments (from.id is the account itself), edits, removals, hides and
 * every other feed change are skipped and named, so they are counted.
 */
final class MetaComments {

    static final String OWN_COMMENT = "own_comment";
    static final String COMMENT_EDITED = "comment_edited";
    static final String COMMENT_REMOVED = "comment_removed";
    static final String COMMENT_OTHER = "comment_other";
    static final String OTHER_CHANGE = "changes";

    private MetaComments() {
    }

    /** A change read: a message, or the kind of change skipped. */
    record Read(Optional<MetaMessage> message, String ignored) {

        static Read message(MetaMessage message) {
            return new Read(Optional.of(message), null);
        }

        static Read ignored(String kind) {
            return new Read(Optional.empty(), kind);
        }
    }

    /** Every change of an {@code instagram} or {@code page} entry. */
    static List<Read> of(JsonNode entry, String channelType) {
        String accountId = text(entry.path("id"));
        List<Read> reads = new ArrayList<>();
        for (JsonNode change : entry.path("changes")) {
            reads.add("INSTAGRAM".equals(channelType) ? instagram(change, accountId, entry.path("time"))
                    : facebook(change, accountId));
        }
        return reads;
    }

    /** The comment id of a change, whatever became of it: the key of its kept document. */
    static String commentId(JsonNode change) {
        JsonNode value = change.path("value");
        return "comments".equals(text(change.path("field"))) ? text(value.path("id"))
                : text(value.path("comment_id"));
    }

    private static Read instagram(JsonNode change, String accountId, JsonNode entryTime) {
        if (!"comments".equals(text(change.path("field")))) {
            return Read.ignored(OTHER_CHANGE);
        }
        JsonNode value = change.path("value");
        String commentId = text(value.path("id"));
        String from = text(value.path("from").path("id"));
        if (accountId == null || commentId == null || from == null) {
            return Read.ignored("incomplete");
        }
        if (from.equals(accountId)) {
            return Read.ignored(OWN_COMMENT);
        }
        String mediaId = text(value.path("media").path("id"));
        MetaContent.Comment comment = new MetaContent.Comment(commentId, mediaId, text(value.path("parent_id")),
                text(value.path("media").path("media_product_type")));
        return Read.message(new MetaMessage("INSTAGRAM", accountId, from, commentId, text(value.path("text")),
                instant(entryTime), null, null, null, MetaContent.comment(comment)));
    }

    private static Read facebook(JsonNode change, String pageId) {
        JsonNode value = change.path("value");
        if (!"feed".equals(text(change.path("field"))) || !"comment".equals(text(value.path("item")))) {
            return Read.ignored(OTHER_CHANGE);
        }
        String verb = text(value.path("verb"));
        if (!"add".equals(verb)) {
            return Read.ignored(switch (verb == null ? "" : verb) {
                case "edited" -> COMMENT_EDITED;
                case "remove" -> COMMENT_REMOVED;
                default -> COMMENT_OTHER;
            });
        }
        String commentId = text(value.path("comment_id"));
        String from = text(value.path("from").path("id"));
        if (pageId == null || commentId == null || from == null) {
            return Read.ignored("incomplete");
        }
        if (from.equals(pageId)) {
            return Read.ignored(OWN_COMMENT);
        }
        String postId = text(value.path("post_id"));
        String parentId = text(value.path("parent_id"));
        // Meta names the post as the parent of a top-level comment: only a comment is a parent here.
        MetaContent.Comment comment = new MetaContent.Comment(commentId, postId,
                parentId == null || parentId.equals(postId) ? null : parentId, null);
        return Read.message(new MetaMessage("MESSENGER", pageId, from, commentId, text(value.path("message")),
                instant(value.path("created_time")), text(value.path("from").path("name")), null, null,
                MetaContent.comment(comment)));
    }

    /** Unix seconds (Facebook created_time, Instagram entry.time) or milliseconds; now when absent. */
    private static Instant instant(JsonNode time) {
        if (!time.isNumber()) {
            return Instant.now();
        }
        long value = time.asLong();
        return value < 100_000_000_000L ? Instant.ofEpochSecond(value) : Instant.ofEpochMilli(value);
    }
}
