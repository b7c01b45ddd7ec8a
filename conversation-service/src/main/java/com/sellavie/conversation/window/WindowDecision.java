package com.sellavie.conversation.window;

/**
 * What Meta's windows allow for one message.
 *
 * @param allowance   how it may go out, or {@link Allowance#NONE}
 * @param alternative when refused, what could still reach the customer ({@code TEMPLATE} on WhatsApp);
 *                    null when nothing can
 */
public record WindowDecision(Allowance allowance, String alternative) {

    /** The failure reason of a message no window allows. */
    public static final String OUTSIDE_MESSAGING_WINDOW = "OUTSIDE_MESSAGING_WINDOW";
    public static final String TEMPLATE_ALTERNATIVE = "TEMPLATE";

    public enum Allowance {
        /** Inside the standard (24 h) window: Messenger's {@code messaging_type: RESPONSE}. */
        RESPONSE,
        /** Messenger/Instagram after 24 h and within 7 days, a person only: {@code MESSAGE_TAG} + {@code HUMAN_AGENT}. */
        HUMAN_AGENT,
        /** A WhatsApp template: allowed at any time. */
        TEMPLATE,
        /** No window is open for this message. */
        NONE
    }

    public boolean allowed() {
        return allowance != Allowance.NONE;
    }

    static WindowDecision allow(Allowance allowance) {
        return new WindowDecision(allowance, null);
    }

    static WindowDecision refuse(String alternative) {
        return new WindowDecision(Allowance.NONE, alternative);
    }
}
