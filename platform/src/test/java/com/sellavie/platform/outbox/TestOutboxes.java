package com.sellavie.platform.outbox;

import com.sellavie.schemas.Topics;
import com.sellavie.schemas.registry.SchemaRegistrar;
import io.apicurio.registry.client.common.DefaultVertxInstance;
import io.micrometer.tracing.Tracer;
import javax.sql.DataSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/** The real outbox, wired by hand for tests and benchmarks that run without an application context. */
public final class TestOutboxes {

    private TestOutboxes() {
    }

    /**
     * An outbox on {@code dataSource}, after the start-up schema registration a service does. No tracing;
     * its registry client runs on Apicurio's JVM-wide Vert.x.
     */
    public static Outbox jdbcOutbox(DataSource dataSource, String registryBaseUrl) {
        SchemaRegistrar.registerAll(registryBaseUrl, Topics.ALL);
        StaticListableBeanFactory noTracing = new StaticListableBeanFactory();
        return new JdbcOutbox(new JdbcTemplate(dataSource), new EventRecords(new EventSerializer(registryBaseUrl, false, new SchemaIds(),
                DefaultVertxInstance.get()),
                new TraceparentSource(noTracing.getBeanProvider(Tracer.class))));
    }
}
