package com.sellavie.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record's value could not be turned into an event. Names the topic (and the schema id when the
 * header was readable) so the record can be found; consumers send it to the dead-letter topic,
 * adding partition and offset, and never acknowledge it silently.
 */
public class EventDecodingException extends SerializationException {

    private final String topic;
    private final Integer schemaId;

    public EventDecodingException(String topic, Integer schemaId, String reason, Throwable cause) {
        super("Cannot decode a record of topic " + topic + (schemaId == null ? "" : " (schema id " + schemaId + ")")
                + ": " + reason, cause);
        this.topic = topic;
        this.schemaId = schemaId;
    }

    public String topic() {
        return topic;
    }

    /** The schema id in the record's header, or null when there was no well-formed header. */
    public Integer schemaId() {
        return schemaId;
    }
}
