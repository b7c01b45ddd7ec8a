package com.sellavie.conversation.outbound;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The longest text a channel's send API takes in one message (PROVIDERS.md §1.7): Instagram 1000
 * bytes of UTF-8, Messenger 1000 characters (Meta allows 2000; we keep to the same size as Instagram),
 * WhatsApp 4096 characters. Characters are Unicode code points. A text over it would be refused by Meta
 * on every attempt, so it is refused before it is queued.
 */
public final class ChannelTextLimit {

    static final int INSTAGRAM_BYTES = 1000;
    static final int MESSENGER_CHARACTERS = 1000;
    static final int WHATSAPP_CHARACTERS = 4096;

    private ChannelTextLimit() {
    }

    /** Why {@code text} cannot be sent on a channel of {@code channelType}, or empty when it can. */
    public static Optional<String> violation(String channelType, String text) {
        return switch (channelType) {
            case "INSTAGRAM" -> {
                int bytes = text.getBytes(StandardCharsets.UTF_8).length;
                yield bytes > INSTAGRAM_BYTES ? Optional.of("text is " + bytes + " bytes of UTF-8; Instagram takes at most "
                        + INSTAGRAM_BYTES) : Optional.empty();
            }
            case "WHATSAPP" -> characters(text, WHATSAPP_CHARACTERS, "WhatsApp");
            // MESSENGER, and any type added before its limit is written here: the smallest limit.
            default -> characters(text, MESSENGER_CHARACTERS, channelType);
        };
    }

    private static Optional<String> characters(String text, int limit, String channel) {
        int characters = text.codePointCount(0, text.length());
        return characters > limit
                ? Optional.of("text is " + characters + " characters; " + channel + " takes at most " + limit)
                : Optional.empty();
    }
}
