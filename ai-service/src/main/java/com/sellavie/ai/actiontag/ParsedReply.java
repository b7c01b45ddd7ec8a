package com.sellavie.ai.actiontag;

import java.util.List;

/**
 * The model's output split in two: what the customer sees and what the system does.
 *
 * @param text    the customer-facing text, every tag-like text removed
 * @param actions validated actions, in the order their tags first appeared
 * @param dropped tags that were not honoured, for the metric and the log
 */
public record ParsedReply(String text, List<Action> actions, List<DroppedTag> dropped) {

    public ParsedReply {
        actions = List.copyOf(actions);
        dropped = List.copyOf(dropped);
    }
}
