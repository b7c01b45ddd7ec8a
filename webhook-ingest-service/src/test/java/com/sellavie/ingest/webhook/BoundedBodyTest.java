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
