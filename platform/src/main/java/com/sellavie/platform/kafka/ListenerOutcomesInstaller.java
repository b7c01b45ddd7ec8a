package com.sellavie.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.listener.CompositeRecordInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Adds {@link ListenerOutcomes} to every listener container factory, after whatever record
 * interceptor the factory already has (the tenant's, or a service's own), so a service keeps a
 * single {@code RecordInterceptor} bean as Spring Boot expects.
 */
class ListenerOutcomesInstaller implements BeanPostProcessor {

    private final ObjectProvider<MeterRegistry> meters;

    ListenerOutcomesInstaller(ObjectProvider<MeterRegistry> meters) {
        this.meters = meters;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractKafkaListenerContainerFactory<?, ?, ?> factory) {
            AbstractKafkaListenerContainerFactory<?, Object, Object> typed =
                    (AbstractKafkaListenerContainerFactory<?, Object, Object>) factory;
            RecordInterceptor<Object, Object> existing = typed.getRecordInterceptor();
            ListenerOutcomes outcomes = new ListenerOutcomes(meters.getIfAvailable(() -> Metrics.globalRegistry));
            typed.setRecordInterceptor(existing == null ? outcomes : new CompositeRecordInterceptor<>(existing, outcomes));
        }
        return bean;
    }
}
