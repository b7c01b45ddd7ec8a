package com.sellavie.ingest.routing;

import com.sellavie.platform.listen.PostgresListener;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RouteCacheProperties.class)
class RouteCacheConfiguration {

    @Bean
    @ConditionalOnBooleanProperty(name = "sellavie.ingest.route-cache.enabled", matchIfMissing = true)
    RouteCache routeCache(DataSource dataSource, RouteCacheProperties properties, MeterRegistry meters) {
        return new RouteCache(PostgresListener.ownConnections(dataSource), properties, meters);
    }
}
