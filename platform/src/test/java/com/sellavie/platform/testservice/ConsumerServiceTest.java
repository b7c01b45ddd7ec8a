package com.sellavie.platform.testservice;

import com.sellavie.platform.test.IntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test of {@link ConsumerTestService} on the real infrastructure. Every test class using it shares
 * one application context (one database, one set of listeners).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@IntegrationTest
@SpringBootTest(classes = ConsumerTestService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.application.name=consumer-it",
                "spring.flyway.locations=classpath:db/consumer-test-service",
                "sellavie.relay.drop-slot-on-stop=true",
                "sellavie.tenancy.global-lookups=login-by-email,notes-by-body",
                "management.tracing.sampling.probability=1.0",
                // Back-off waits longer than a record's normal latency, so a test can tell a paused
                // partition (others flow) from a blocked consumer thread (nothing flows).
                "sellavie.kafka.retry.initial-interval=5s",
                "sellavie.kafka.retry.max-interval=5s"})
public @interface ConsumerServiceTest {
}
