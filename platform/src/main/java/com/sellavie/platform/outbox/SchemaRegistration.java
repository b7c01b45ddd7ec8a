package com.sellavie.platform.outbox;

import com.sellavie.schemas.Topics;
import com.sellavie.schemas.registry.SchemaRegistrar;
import org.springframework.beans.factory.InitializingBean;

/**
 * Registers every event schema from the generated classes when the service starts, so that inside a
 * business transaction the serializer only looks up ids it then caches. Idempotent; a registry that
 * refuses a schema (incompatible change) stops the start-up.
 */
class SchemaRegistration implements InitializingBean {

    private final String registryUrl;

    SchemaRegistration(String registryUrl) {
        this.registryUrl = registryUrl;
    }

    @Override
    public void afterPropertiesSet() {
        SchemaRegistrar.registerAll(registryUrl, Topics.ALL);
    }
}
