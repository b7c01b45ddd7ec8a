package com.sellavie.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.platform.kafka.KafkaPlatformAutoConfiguration;
import io.apicurio.registry.serde.config.SerdeConfig;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.ConsumerFactory;

class RegistryClientVertxTest {

    @Test
    void everyRegistryClientRunsOnOneEventLoopThreadThatStopsWithTheService() throws Exception {
        RegistryClientVertx shared = new RegistryClientVertx();
        // Serdes are used from many consumer threads; Vert.x gives each calling thread a context of its own and
        // hands the contexts out across its event loops.
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch ran = new CountDownLatch(8);
        for (int i = 0; i < 8; i++) {
            Thread.ofPlatform().start(() -> shared.vertx().getOrCreateContext().runOnContext(ignored -> {
                threads.add(Thread.currentThread());
                ran.countDown();
            })).join();
        }
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(threads).hasSize(1);

        shared.destroy();

        // (the thread itself, not its name: other Vert.x instances in this JVM name theirs the same)
        Thread loop = threads.iterator().next();
        loop.join(Duration.ofSeconds(10));
        assertThat(loop.isAlive()).isFalse();
    }

    @Test
    void consumersDecodeThroughTheServicesSharedVertx() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class,
                        RegistryClientAutoConfiguration.class, KafkaPlatformAutoConfiguration.class))
                .withPropertyValues("sellavie.schema-registry.url=http://localhost:1")
                .run(app -> assertThat(app.getBean(ConsumerFactory.class).getConfigurationProperties())
                        .containsEntry(SerdeConfig.VERTX_INSTANCE, app.getBean(RegistryClientVertx.class).vertx()));
    }
}
