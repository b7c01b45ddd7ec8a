package com.sellavie.local;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class RedisCheckTest {

    @Test
    void theMachinesRedisAnswers() {
        assertThatCode(() -> RedisCheck.require(RedisCheck.DEFAULT_URL)).doesNotThrowAnyException();
    }

    @Test
    void anUnreachableRedisStopsTheLaunchWithTheFix() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        int port = closed;

        assertThatThrownBy(() -> RedisCheck.require("redis://127.0.0.1:" + port))
                .hasMessageContaining("Redis is not reachable at 127.0.0.1:" + port)
                .hasMessageContaining("SELLAVIE_REDIS_URL");
    }
}
