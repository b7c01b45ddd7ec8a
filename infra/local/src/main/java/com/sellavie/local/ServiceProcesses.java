package com.sellavie.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts services as their own JVMs, reports each one's readiness, and stops them newest first. */
final class ServiceProcesses implements AutoCloseable {

    private static final Logger console = LoggerFactory.getLogger("sellavie");
    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(240);

    private final Installation installation;
    private final Path logs;
    private final Function<SellavieService, Map<String, String>> environment;
    /** Processes by start stage (one stage per {@link #startAndAwait} call). */
    private final List<List<ManagedProcess>> stages = Collections.synchronizedList(new ArrayList<>());

    ServiceProcesses(Installation installation, Path logs, Function<SellavieService, Map<String, String>> environment) {
        this.installation = installation;
        this.logs = logs;
        this.environment = environment;
    }

    /** Starts the given services together and waits until every one is ready. */
    void startAndAwait(List<SellavieService> services) {
        long begun = System.nanoTime();
        List<ManagedProcess> processes = Collections.synchronizedList(new ArrayList<>());
        stages.add(processes);
        for (SellavieService service : services) {
            console.info("  {} starting…", pad(service.name()));
            processes.add(start(service));
        }
        try (ExecutorService waiting = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> readiness = new ArrayList<>();
            for (int i = 0; i < services.size(); i++) {
                SellavieService service = services.get(i);
                ManagedProcess process = processes.get(i);
                readiness.add(waiting.submit(() -> {
                    Readiness.await(service.name(), service.readinessUrl(), process::isAlive, STARTUP_TIMEOUT,
                            process.logFile().toString());
                    console.info("  {} ready in {} on port {}", pad(service.name()), Elapsed.since(begun),
                            service.port());
                }));
            }
            for (Future<?> future : readiness) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while services were starting", e);
        }
    }

    private ManagedProcess start(SellavieService service) {
        List<String> command = List.of(ManagedProcess.javaBinary(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=com.sellavie",
                "-jar", installation.serviceJar(service.module()).toString());
        ManagedProcess process = ManagedProcess.start(service.name(), command, environment.apply(service),
                installation.repositoryRoot(), logs.resolve(service.name() + ".log"));
        return process;
    }

    static String pad(String name) {
        return String.format("%-15s", name);
    }

    /** Stops the stages in reverse (the gateway first, identity last), each stage's services together. */
    @Override
    public void close() {
        List<List<ManagedProcess>> newestFirst;
        synchronized (stages) {
            newestFirst = new ArrayList<>(stages);
            stages.clear();
        }
        Collections.reverse(newestFirst);
        for (List<ManagedProcess> stage : newestFirst) {
            List<ManagedProcess> running = List.copyOf(stage);
            try (ExecutorService stopping = Executors.newVirtualThreadPerTaskExecutor()) {
                for (ManagedProcess process : running) {
                    if (process.isAlive()) {
                        console.info("  stopping {}", process.name());
                    }
                    stopping.submit(() -> process.stop(Duration.ofSeconds(20)));
                }
            }
        }
    }
}
