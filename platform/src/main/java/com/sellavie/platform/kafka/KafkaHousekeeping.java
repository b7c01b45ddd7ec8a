package com.sellavie.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * One thread for the periodic chores of every Kafka client in a service: each listener consumer's
 * health check, each client's Micrometer metrics refresh, and resuming the partitions paused for a
 * retry's back-off. Left to their defaults, Spring Kafka starts a scheduler thread per consumer for
 * the first and Micrometer an executor thread per client for the second: two idle threads per
 * consumer, 48 in a service with 24 consumers. Each chore takes microseconds (resuming is a flag the
 * consumer thread reads), so one thread does them all. Not a {@code TaskScheduler} bean, which would
 * take the place of a service's own scheduler.
 */
class KafkaHousekeeping implements BeanPostProcessor, DisposableBean {

    static final String THREAD_NAME_PREFIX = "kafka-housekeeping-";

    private final ObjectProvider<MeterRegistry> meters;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private final ListenerContainerPauseService pauseService;

    KafkaHousekeeping(ObjectProvider<MeterRegistry> meters) {
        this.meters = meters;
        scheduler.setThreadNamePrefix(THREAD_NAME_PREFIX);
        scheduler.setDaemon(true);
        scheduler.initialize();
        // Pausing goes through the container the error handler names, so no registry lookup is needed.
        pauseService = new ListenerContainerPauseService(null, scheduler);
    }

    /** Pauses a partition for a retry's back-off and resumes it on the shared thread. */
    ListenerContainerPauseService pauseService() {
        return pauseService;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        switch (bean) {
            case AbstractKafkaListenerContainerFactory<?, ?, ?> factory -> {
                if (factory.getContainerProperties().getScheduler() == null) {
                    factory.getContainerProperties().setScheduler(scheduler);
                }
            }
            case DefaultKafkaConsumerFactory<?, ?> factory -> shareMetricsThread(factory);
            case DefaultKafkaProducerFactory<?, ?> factory -> shareMetricsThread(factory);
            default -> { }
        }
        return bean;
    }

    /** Swaps Spring Boot's metrics listener (a thread per consumer) for one on the shared thread. */
    private <K, V> void shareMetricsThread(DefaultKafkaConsumerFactory<K, V> factory) {
        for (ConsumerFactory.Listener<K, V> listener : List.copyOf(factory.getListeners())) {
            if (listener instanceof MicrometerConsumerListener<K, V>) {
                factory.removeListener(listener);
                factory.addListener(new MicrometerConsumerListener<>(meters.getObject(), scheduler));
            }
        }
    }

    private <K, V> void shareMetricsThread(DefaultKafkaProducerFactory<K, V> factory) {
        for (ProducerFactory.Listener<K, V> listener : List.copyOf(factory.getListeners())) {
            if (listener instanceof MicrometerProducerListener<K, V>) {
                factory.removeListener(listener);
                factory.addListener(new MicrometerProducerListener<>(meters.getObject(), scheduler));
            }
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdown();
    }
}
