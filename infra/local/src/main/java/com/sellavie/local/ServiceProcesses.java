package com.sellavie.local;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts services as their own JVMs, reports each one's readiness, restarts one that dies (with a growing
 * pause, {@link SupervisedProcess}), keeps {@link RunState} current for {@code ./sellavie status}, and stops
 * them, the gateway first.
 */
final class ServiceProcesses implements AutoCloseable {

    private static final Logger console = LoggerFactory.getLogger("sellavie");
    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(240);

    private final Installation installation;
    private final Path logs;
    private final Function<SellavieService, Map<String, String>> environment;
    private final Path runState;
    private final String kafkaBootstrap;
    /** In start order; {@link #startAndAwait} may add more, {@link #close} takes them all. */
    private final List<SupervisedProcess> processes = Collections.synchronizedList(new ArrayList<>());
    private final Map<SupervisedProcess, SellavieService> servicesByProcess = new ConcurrentHashMap<>();
    private final ServiceJvm jvm;

    ServiceProcesses(Installation installation, ServiceJvm jvm, Path logs,
            Function<SellavieService, Map<String, String>> environment, Path runState, String kafkaBootstrap) {
        this.installation = installation;
        this.jvm = jvm;
        this.logs = logs;
        this.environment = environment;
        this.runState = runState;
        this.kafkaBootstrap = kafkaBootstrap;
    }

    /**
     * Starts the given services together and waits until every one is ready. Their AOT caches are made current
     * first (a training run after a build), so "ready in" is each service's own start.
     */
    void startAndAwait(List<SellavieService> services) {
        jvm.prepare(services, environment);
        long begun = System.nanoTime();
        List<SupervisedProcess> started = new ArrayList<>();
        for (SellavieService service : services) {
            console.info("  {} starting…", pad(service.name()));
            SupervisedProcess process = supervise(service);
            servicesByProcess.put(process, service);
            processes.add(process.start());
            started.add(process);
        }
        writeRunState();
        try (ExecutorService waiting = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> readiness = new ArrayList<>();
            for (int i = 0; i < services.size(); i++) {
                SellavieService service = services.get(i);
                ManagedProcess process = started.get(i).current();
                readiness.add(waiting.submit(() -> {
                    Readiness.await(service.name(), service.readinessUrl(), process::isAlive, STARTUP_TIMEOUT,
                            process.logFile().toString());
                    console.info("  {} ready in {} on port {}", pad(service.name()), Elapsed.since(begun),
                            service.port());
                }));
            }
            StartFailures.throwFirst(readiness, "services");
        }
    }

    private SupervisedProcess supervise(SellavieService service) {
        // Production settings (infra/jvm), from the extracted jar with its AOT cache once prepared.
        List<String> command = jvm.command(service);
        Path log = logs.resolve(service.name() + ".log");
        AtomicBoolean firstRun = new AtomicBoolean(true);
        return new SupervisedProcess(service.name(),
                // A fresh log for each ./sellavie up; a restart appends, so the crash stays readable above it.
                () -> ManagedProcess.start(service.name(), command, jvm.environment(environment.apply(service)),
                        installation.repositoryRoot(), log, !firstRun.getAndSet(false)),
                restarted -> awaitAfterRestart(service, restarted),
                SupervisedProcess.FIRST_PAUSE, SupervisedProcess.LONGEST_PAUSE, Clock.systemUTC());
    }

    private void awaitAfterRestart(SellavieService service, SupervisedProcess restarted) {
        writeRunState();
        ManagedProcess process = restarted.current();
        long begun = System.nanoTime();
        try {
            Readiness.await(service.name(), service.readinessUrl(), process::isAlive, STARTUP_TIMEOUT,
                    process.logFile().toString());
            console.info("  {} ready again in {} (restart {})", pad(service.name()), Elapsed.since(begun),
                    restarted.restarts());
        } catch (RuntimeException e) {
            console.warn("  {} not ready after its restart: {}", pad(service.name()), e.getMessage());
        }
    }

    /** The state ./sellavie status reads; a failure to write it is logged, never fatal to the stack. */
    private void writeRunState() {
        List<RunState.Instance> instances = new ArrayList<>();
        for (SupervisedProcess process : List.copyOf(processes)) {
            SellavieService service = servicesByProcess.get(process);
            instances.add(new RunState.Instance(service.name(), service.port(), service.healthUrl(),
                    process.current().handle().pid(), process.restarts(), String.valueOf(process.startedAt()),
                    process.current().logFile().toString()));
        }
        try {
            new RunState(kafkaBootstrap, instances).writeTo(runState);
        } catch (RuntimeException e) {
            console.warn("Could not record the running services for ./sellavie status: {}", e.getMessage());
        }
    }

    static String pad(String name) {
        return String.format("%-15s", name);
    }

    /**
     * Stops the gateway first (no new request reaches a service that is stopping), then the services behind it
     * together.
     */
    @Override
    public void close() {
        jvm.stopTraining();
        List<SupervisedProcess> all;
        synchronized (processes) {
            all = List.copyOf(processes);
            processes.clear();
        }
        Map<Boolean, List<SupervisedProcess>> byFront = all.stream()
                .collect(Collectors.partitioningBy(p -> SellavieService.GATEWAY.equals(servicesByProcess.get(p))));
        stopTogether(byFront.get(true));
        stopTogether(byFront.get(false));
        jvm.adoptRecordings();
    }

    private void stopTogether(List<SupervisedProcess> processes) {
        try (ExecutorService stopping = Executors.newVirtualThreadPerTaskExecutor()) {
            for (SupervisedProcess process : processes) {
                if (process.current().isAlive()) {
                    console.info("  stopping {}", process.name());
                }
                stopping.submit(() -> process.stop(jvm.stopGrace()));
            }
        }
    }
}
