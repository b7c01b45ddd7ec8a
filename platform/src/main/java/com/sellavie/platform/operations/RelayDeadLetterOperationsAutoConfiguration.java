package com.sellavie.platform.operations;

import com.sellavie.platform.relay.RelayAutoConfiguration;
import com.sellavie.platform.relay.RelayDeadLetters;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * {@code /ops/relay-dead-letters} in every servlet service with an outbox relay. As for the Kafka dead
 * letters, only behind the operator chain: without it the endpoints are not registered at all.
 */
@AutoConfiguration(after = {RelayAutoConfiguration.class, OperatorSecurityAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(HttpSecurity.class)
@ConditionalOnBean({RelayDeadLetters.class, OperatorToken.class})
public class RelayDeadLetterOperationsAutoConfiguration {

    @Bean
    RelayDeadLetterOpsController sellavieRelayDeadLetterOps(RelayDeadLetters deadLetters, Environment environment) {
        return new RelayDeadLetterOpsController(deadLetters, environment.getProperty("spring.application.name",
                "service"));
    }
}
