package com.sellavie.gateway.routing;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A service's instances, less those whose readiness does not answer 200 (checked every
 * {@code spring.cloud.loadbalancer.health-check.interval} on {@code ...health-check.path}): a stopped or
 * restarting replica gets no request until it is ready again. Spring Cloud's built-in "health-check"
 * configuration wants a {@code WebClient.Builder} bean, which Boot 4 only makes with its separate web-client
 * module; a plain WebClient does the same here. Not a {@code @Configuration}: it is each load-balancer
 * client's own configuration ({@link ReplicaRouting}), never a bean of the gateway's context.
 */
class ReadyInstances {

    @Bean
    ServiceInstanceListSupplier readyServiceInstances(ConfigurableApplicationContext context) {
        return ServiceInstanceListSupplier.builder()
                .withDiscoveryClient()
                .withHealthChecks(WebClient.create())
                .build(context);
    }
}
