package com.sellavie.gateway;

import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** The machine's Redis (127.0.0.1:6379) with every command sent through it counted, for tests of round trips. */
public final class CountedRedis implements AutoCloseable {

    private final AtomicInteger commands = new AtomicInteger();
    private final LettuceConnectionFactory factory;
    private final ReactiveStringRedisTemplate template;

    public CountedRedis() {
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
        factory.afterPropertiesSet();
        factory.start();
        // Before the first command: Lettuce wires its listeners into a connection when it opens it.
        factory.getRequiredNativeClient().addListener(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.incrementAndGet();
            }
        });
        template = new ReactiveStringRedisTemplate(factory);
    }

    public ReactiveStringRedisTemplate template() {
        return template;
    }

    /** Commands sent since the last call (and forgets them). */
    public int commandsSinceLastAsked() {
        return commands.getAndSet(0);
    }

    @Override
    public void close() {
        factory.destroy();
    }
}
