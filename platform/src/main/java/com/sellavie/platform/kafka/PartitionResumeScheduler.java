package com.sellavie.platform.kafka;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The scheduler that resumes partitions paused for a retry's back-off. Its own single thread (not a
 * {@code TaskScheduler} bean, which would take the place of a service's own scheduler); resuming is
 * a flag the consumer thread reads, so one thread is plenty.
 */
class PartitionResumeScheduler implements DisposableBean {

    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private final ListenerContainerPauseService pauseService;

    PartitionResumeScheduler() {
        scheduler.setThreadNamePrefix("kafka-retry-resume-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        // Pausing goes through the container the error handler names, so no registry lookup is needed.
        pauseService = new ListenerContainerPauseService(null, scheduler);
    }

    ListenerContainerPauseService pauseService() {
        return pauseService;
    }

    @Override
    public void destroy() {
        scheduler.shutdown();
    }
}
