package com.sellavie.conversation.window;

import java.time.Duration;
import java.time.Instant;

/**
 * Meta's messaging windows as one pure rule set (PROVIDERS.md §1.7). Instagram and Messenger: within
 * 24 h of the customer's last message anyone may answer (RESPONSE); from 24 h to 7 days only a team
 * member, with the HUMAN_AGENT tag (never an automated AI or SYSTEM message); later nobody. WhatsApp:
 * free-form only within the 24 h customer service window; a template at any time. A window runs up to,
 * not including, its end. With no customer message at all there is no window.
 */
public final class MessagingWindows {

    public static final Duration STANDARD_WINDOW = Duration.ofHours(24);
    public static final Duration HUMAN_AGENT_WINDOW = Duration.ofDays(7);

    /** Who writes the message: only a MEMBER (a person) may use HUMAN_AGENT. */
    public enum Author { AI, SYSTEM, MEMBER }

    private MessagingWindows() {
    }

    /**
     * @param channelType           INSTAGRAM, MESSENGER, WHATSAPP (SANDBOX has no Meta window: always open)
     * @param template              whether the message is a WhatsApp template
     * @param lastCustomerMessageAt when the customer last wrote; null when never
     */
    public static WindowDecision decide(String channelType, Author author, boolean template,
            Instant lastCustomerMessageAt, Instant now) {
        return switch (channelType) {
            case "WHATSAPP" -> whatsApp(template, lastCustomerMessageAt, now);
            case "SANDBOX" -> WindowDecision.allow(WindowDecision.Allowance.RESPONSE);
            // INSTAGRAM, MESSENGER: the Messenger Platform's rules.
            default -> template ? WindowDecision.refuse(null) : messengerPlatform(author, lastCustomerMessageAt, now);
        };
    }

    /** When the standard window closes (customer's last message + 24 h); null when there is none. */
    public static Instant standardWindowClosesAt(Instant lastCustomerMessageAt) {
        return lastCustomerMessageAt == null ? null : lastCustomerMessageAt.plus(STANDARD_WINDOW);
    }

    private static WindowDecision messengerPlatform(Author author, Instant last, Instant now) {
        if (within(last, now, STANDARD_WINDOW)) {
            return WindowDecision.allow(WindowDecision.Allowance.RESPONSE);
        }
        if (author == Author.MEMBER && within(last, now, HUMAN_AGENT_WINDOW)) {
            return WindowDecision.allow(WindowDecision.Allowance.HUMAN_AGENT);
        }
        return WindowDecision.refuse(null);
    }

    private static WindowDecision whatsApp(boolean template, Instant last, Instant now) {
        if (template) {
            return WindowDecision.allow(WindowDecision.Allowance.TEMPLATE);
        }
        return within(last, now, STANDARD_WINDOW)
                ? WindowDecision.allow(WindowDecision.Allowance.RESPONSE)
                : WindowDecision.refuse(WindowDecision.TEMPLATE_ALTERNATIVE);
    }

    private static boolean within(Instant last, Instant now, Duration window) {
        return last != null && now.isBefore(last.plus(window));
    }
}
