package com.sellavie.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Ticker;
import com.sellavie.gateway.security.ApiBucket;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnBooleanProperty(name = "sellavie.gateway.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

    @Bean
    RedisTokenBuckets redisTokenBuckets(ReactiveStringRedisTemplate redis,
            @Qualifier("redisRequestRateLimiterScript") RedisScript<List<Long>> script,
            RateLimitProperties properties, MeterRegistry meters) {
        return new RedisTokenBuckets(redis, readOnce(script), properties.keyPrefix(), properties.timeout(), meters);
    }

    @Bean
    RateLimitFilter rateLimitFilter(RedisTokenBuckets buckets, RateLimitProperties properties, MeterRegistry meters) {
        return new RateLimitFilter(buckets, properties, meters);
    }

    /** The business bucket an authenticated request takes from right after its token was found not revoked. */
    @Bean
    ApiBucket apiBucket(RedisTokenBuckets buckets, RateLimitProperties properties) {
        return new LeasedApiBucket(buckets, properties.api(), properties.apiLease(), Ticker.systemTicker());
    }

    /**
     * The gateway's script with its text read once. Its bean reads the text from the classpath and, on every
     * execution, asks the jar for the file's modification time to see whether to reload it (a jar URL opened
     * per rate-limited request: 1.5 % of the gateway's CPU in its profile, docs/benchmarks.md).
     */
    static RedisScript<List<Long>> readOnce(RedisScript<List<Long>> script) {
        return RedisScript.of(script.getScriptAsString(), script.getResultType());
    }
}
