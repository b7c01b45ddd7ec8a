package com.sellavie.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Opens the denylist's first pooled Redis connection while the service starts, before it reports
 * ready. Left to the first request, the connection is opened on a request that may then miss the
 * connect timeout on a busy host and be refused (the denylist fails closed). A Redis that is down
 * here is only logged: requests fail closed until it is back.
 */
class DenylistConnectionWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DenylistConnectionWarmUp.class);

    private final StringRedisTemplate redis;

    DenylistConnectionWarmUp(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            redis.execute(RedisConnection::ping);
        } catch (RuntimeException e) {
            log.warn("The access-token denylist (Redis) is not reachable at start-up; requests are refused "
                    + "until it is: {}", e.toString());
        }
    }
}
