package com.sellavie.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

    @Test
    void readsABodyUpToTheLimitExactly() throws Exception {
        byte[] body = new byte[100_000];
        body[99_999] = 7;

        assertThat(BoundedBody.read(new ByteArrayInputStream(body), -1, 100_000)).isEqualTo(body);
        assertThat(BoundedBody.read(new ByteArrayInputStream(body), 100_000, 100_000)).isEqualTo(body);
    }

    @Test
    void aBodyShorterThanDeclaredIsWhatArrived() throws Exception {
        byte[] arrived = {1, 2, 3};

        assertThat(BoundedBody.read(new ByteArrayInputStream(arrived), 10, 100)).containsExactly(1, 2, 3);
    }

    @Test
    void aBodyLongerThanDeclaredIsReadWholeAndStillBoundedByTheLimit() throws Exception {
        byte[] longer = new byte[50];
        longer[49] = 9;

        assertThat(BoundedBody.read(new ByteArrayInputStream(longer), 10, 100)).isEqualTo(longer);
        assertThatThrownBy(() -> BoundedBody.read(new ByteArrayInputStream(new byte[101]), 10, 100))
                .isInstanceOf(BoundedBody.TooLargeException.class);
        assertThatThrownBy(() -> BoundedBody.read(new ByteArrayInputStream(new byte[101]), 100, 100))
                .isInstanceOf(BoundedBody.TooLargeException.class);
    }

    @Test
    void anEmptyDeclaredBodyIsEmpty() throws Exception {
        assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[0]), 0, 100)).isEmpty();
    }

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutReading() {
        AtomicLong read = new AtomicLong();
        InputStream counting = new InputStream() {
            @Override
            public int read() {
                read.incrementAndGet();
                return 0;
            }
        };

        assertThatThrownBy(() -> BoundedBody.read(counting, 100_001, 100_000))
                .isInstanceOf(BoundedBody.TooLargeException.class);
        assertThat(read).hasValue(0);
    }

    @Test
    void stopsReadingAnUndeclaredBodyOneByteAfterTheLimit() {
        AtomicLong read = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read.incrementAndGet();
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                read.addAndGet(len);
                return len;
            }
        };

        assertThatThrownBy(() -> BoundedBody.read(endless, -1, 100_000))
                .isInstanceOf(BoundedBody.TooLargeException.class);
        assertThat(read).hasValue(100_001);
    }
}
