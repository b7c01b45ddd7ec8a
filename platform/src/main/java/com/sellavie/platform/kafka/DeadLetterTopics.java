package com.sellavie.platform.kafka;

import com.sellavie.schemas.Topic;
import com.sellavie.schemas.Topics;
import java.util.List;

/** The dead-letter topic of any topic, named by {@link Topic#deadLetterTopic()}'s convention. */
final class DeadLetterTopics {

    private DeadLetterTopics() {
    }

    static String of(String topic) {
        return Topics.named(topic).orElseGet(() -> new Topic(topic, "undeclared", false, List.of()))
                .deadLetterTopic();
    }
}
