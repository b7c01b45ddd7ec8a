package com.sellavie.gateway.routing;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/**
 * Routes whose URI is {@code lb://<service>} (several instances of a service, listed under
 * {@code spring.cloud.discovery.client.simple.instances.<service>}, as the local stack's {@code --replicas}
 * does) go round-robin over the instances that pass their readiness check ({@link ReadyInstances}).
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = ReadyInstances.class)
public class ReplicaRouting {
}
