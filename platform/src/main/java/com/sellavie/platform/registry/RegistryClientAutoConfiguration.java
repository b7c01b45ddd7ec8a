package com.sellavie.platform.registry;

import io.vertx.core.Vertx;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** The Vert.x instance every schema-registry client of the service shares. */
@AutoConfiguration
@ConditionalOnClass(Vertx.class)
public class RegistryClientAutoConfiguration {

    @Bean
    RegistryClientVertx registryClientVertx() {
        return new RegistryClientVertx();
    }
}
