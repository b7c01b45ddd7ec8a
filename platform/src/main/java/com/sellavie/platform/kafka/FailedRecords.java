package com.sellavie.platform.kafka;

import com.sellavie.platform.inbox.EventIds;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/** What logs and metrics say about a record whose handling failed. */
final class FailedRecords {

    static final String UNKNOWN = "unknown";

    private FailedRecords() {
    }

    /** {@code topic-partition@offset}. */
    static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /** The {@code eventId} header, or {@value #UNKNOWN}: the record may be too broken to have one. */
    static String eventId(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(EventIds.HEADER);
        return header == null || header.value() == null ? UNKNOWN : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The consumer group the container decorated the failure with, or {@value #UNKNOWN}. */
    static String group(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ListenerExecutionFailedException listenerFailure && listenerFailure.getGroupId() != null) {
                return listenerFailure.getGroupId();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return UNKNOWN;
    }

    /**
     * {@code Class: message} of the failure a handler or deserializer threw (past the container's
     * wrapper), with its root cause when that is another exception.
     */
    static String describe(Throwable failure) {
        Throwable reason = reason(failure);
        Throwable root = NestedExceptionUtils.getMostSpecificCause(reason);
        String described = reason.getClass().getName() + ": " + oneLine(reason.getMessage());
        return root == reason ? described
                : described + " (root cause " + root.getClass().getName() + ": " + oneLine(root.getMessage()) + ")";
    }

    /** Database messages span lines (Detail:, Where:); a log line should not. */
    private static String oneLine(String message) {
        return message == null ? null : message.replaceAll("\\s*\\R\\s*", " | ");
    }

    /** The failure a handler or deserializer actually threw, past the container's wrapper. */
    static Throwable reason(Throwable failure) {
        return failure instanceof ListenerExecutionFailedException && failure.getCause() != null
                ? failure.getCause() : failure;
    }
}
