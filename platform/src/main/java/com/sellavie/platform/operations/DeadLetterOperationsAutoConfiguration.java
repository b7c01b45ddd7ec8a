package com.sellavie.platform.operations;

import com.sellavie.platform.kafka.DeadLetterReplayer;
import com.sellavie.platform.kafka.KafkaPlatformAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * {@code /ops/dead-letters} in every servlet service with Kafka. Only with Spring Security on the
 * class path: without the operator chain ({@link OperatorSecurityAutoConfiguration}) the endpoints
 * would be open, so they are not registered at all.
 */
@AutoConfiguration(after = {KafkaPlatformAutoConfiguration.class, OperatorSecurityAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(HttpSecurity.class)
@ConditionalOnBean({DeadLetterReplayer.class, OperatorToken.class})
public class DeadLetterOperationsAutoConfiguration {

    @Bean
    DeadLetterOpsController sellavieDeadLetterOps(DeadLetterReplayer replayer,
            ObjectProvider<KafkaListenerEndpointRegistry> listeners, Environment environment) {
        return new DeadLetterOpsController(replayer, new ConsumedTopics(listeners),
                environment.getProperty("spring.application.name", "service"));
    }
}
