package com.sellavie.conversation.handoff;

/** Who answers the customer: the assistant, a person, or nobody (closed). Stored as the name. */
public enum Mode {
    BOT, HUMAN, CLOSED
}
