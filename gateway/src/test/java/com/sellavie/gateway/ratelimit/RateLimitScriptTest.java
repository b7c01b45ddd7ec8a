package com.sellavie.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

class RateLimitScriptTest {

    @Test
    void theScriptIsReadOnceAndNeverLooksAtItsFileAgain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("request_rate_limiter.lua");
        Files.writeString(file, "return {1, 2}");
        // Shaped like Spring Cloud Gateway's bean: the text behind a resource, reloaded when it changes.
        DefaultRedisScript<List<Long>> watched = new DefaultRedisScript<>();
        watched.setLocation(new FileSystemResource(file));
        watched.setResultType(resultType());

        RedisScript<List<Long>> once = RateLimitConfiguration.readOnce(watched);
        String sha = once.getSha1();
        Files.delete(file);

        assertThat(once.getScriptAsString()).isEqualTo("return {1, 2}");
        assertThat(once.getSha1()).isEqualTo(sha).isEqualTo(RedisScript.of("return {1, 2}").getSha1());
        assertThat(once.getResultType()).isEqualTo(List.class);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<List<Long>> resultType() {
        return (Class) List.class;
    }
}
