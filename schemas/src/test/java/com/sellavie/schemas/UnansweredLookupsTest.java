package com.sellavie.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.http.HttpClosedException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class UnansweredLookupsTest {

    @Test
    void aLookupTheRegistryDidNotAnswerIsMadeAgain() {
        AtomicInteger calls = new AtomicInteger();

        String result = UnansweredLookups.retried(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new SerializationException("lookup failed", new HttpClosedException("Connection was closed"));
            }
            return "decoded";
        });

        assertThat(result).isEqualTo("decoded");
        assertThat(calls).hasValue(2);
    }

    @Test
    void aRegistryThatNeverAnswersFailsAfterThreeAttempts() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> UnansweredLookups.retried(() -> {
            calls.incrementAndGet();
            throw new SerializationException("lookup failed", new HttpClosedException("Connection was closed"));
        })).hasRootCauseInstanceOf(HttpClosedException.class);
        assertThat(calls).hasValue(3);
    }

    @Test
    void anyOtherFailureIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> UnansweredLookups.retried(() -> {
            calls.incrementAndGet();
            throw new SerializationException("no schema with id 6");
        })).hasMessage("no schema with id 6");
        assertThat(calls).hasValue(1);
    }
}
