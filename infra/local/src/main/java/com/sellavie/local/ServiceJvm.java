package com.sellavie.local;

import com.sellavie.local.jvm.AotCache;
import com.sellavie.local.jvm.ServiceJvmDefinition;
import com.sellavie.local.jvm.SpringAot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each service's java command: the production settings of {@code infra/jvm/}, the extracted jar, and its
 * ahead-of-time cache ({@link AotCache}), recorded by a training run (start, refresh, exit) before the first
 * start after a build. A module whose extraction or training fails starts as before, from its jar, uncached.
 * In {@link CacheMode#RECORD} the services start uncached and record their caches from the traffic they serve,
 * written when they stop ({@link #adoptRecordings()}).
 */
final class ServiceJvm {

    /** {@code SELLAVIE_AOT_CACHE}: unset (use, recording at start-up when missing), {@code off}, or {@code record}. */
    enum CacheMode {
        USE, OFF, RECORD;

        static CacheMode of(String value) {
            if (value == null || value.isBlank()) {
                return USE;
            }
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "off" -> OFF;
                case "record" -> RECORD;
                case "on", "use" -> USE;
                default -> throw new IllegalArgumentException("SELLAVIE_AOT_CACHE must be off or record (or unset), not '"
                        + value + "'");
            };
        }
    }

    /**
     * How long a stopping service may take: in record mode its JVM assembles the cache before it exits (15-45 s
     * each, the stage's services at once on two cores).
     */
    static final Duration STOP_GRACE = Duration.ofSeconds(20);
    static final Duration RECORDING_STOP_GRACE = Duration.ofMinutes(4);

    private static final Logger console = LoggerFactory.getLogger("sellavie");
    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(15);

    private final Installation installation;
    private final ServiceJvmDefinition definition;
    private final Path folder;
    private final Path logs;
    private final CacheMode mode;
    private final boolean springAot;
    /** The jar each module runs from once prepared, and whether its cache is current. */
    private final Map<String, Prepared> prepared = new ConcurrentHashMap<>();
    /** Training runs under way, stopped with the stack (Ctrl-C during the first start after a build). */
    private final Set<ManagedProcess> training = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    private record Prepared(Path jar, AotCache cache, boolean cached) {
    }

    /**
     * @param folder where the extracted jars and caches live ({@code .sellavie/jvm})
     * @param mode {@code OFF} ({@code SELLAVIE_AOT_CACHE=off}) runs the fat jars as they are, for comparison
     * @param springAot whether a jar built with Spring AOT runs in AOT mode ({@link SpringAot}, {@code SELLAVIE_SPRING_AOT})
     */
    ServiceJvm(Installation installation, ServiceJvmDefinition definition, Path folder, Path logs, CacheMode mode,
            boolean springAot) {
        this.installation = installation;
        this.definition = definition;
        this.folder = folder;
        this.logs = logs;
        this.mode = mode;
        this.springAot = springAot;
    }

    Duration stopGrace() {
        return mode == CacheMode.RECORD ? RECORDING_STOP_GRACE : STOP_GRACE;
    }

    /** Makes the extracted jar and the cache of every module among {@code services} current, modules in parallel. */
    void prepare(List<SellavieService> services, Function<SellavieService, Map<String, String>> environment) {
        if (mode == CacheMode.OFF) {
            return;
        }
        Map<String, SellavieService> byModule = new LinkedHashMap<>();
        services.forEach(s -> byModule.putIfAbsent(s.module(), s));
        try (ExecutorService preparing = Executors.newVirtualThreadPerTaskExecutor()) {
            for (SellavieService service : byModule.values()) {
                preparing.submit(() -> prepare(service, environment.apply(service)));
            }
        }
        if (stopped) {
            // The stack is stopping (Ctrl-C during training): start nothing that no one would stop.
            throw new IllegalStateException("stopped while recording AOT caches");
        }
    }

    private void prepare(SellavieService service, Map<String, String> environment) {
        Path jar = installation.serviceJar(service.module());
        AotCache cache = new AotCache(folder.resolve(service.module()), Runtime.version().toString(), options(service));
        try {
            Path extracted = cache.extractedJar(jar, ServiceJvm::extract);
            if (mode == CacheMode.RECORD) {
                console.info("  {} starts uncached, recording its AOT cache until it stops (SELLAVIE_AOT_CACHE=record)",
                        ServiceProcesses.pad(service.name()));
                prepared.put(service.module(), new Prepared(extracted, cache, false));
                return;
            }
            boolean cached = cache.isCurrent(jar) || train(service, extracted, cache, jar, environment);
            if (cached && cache.workloadTrained(jar)) {
                console.info("  {} uses its AOT cache recorded under load", ServiceProcesses.pad(service.name()));
            }
            prepared.put(service.module(), new Prepared(extracted, cache, cached));
        } catch (RuntimeException e) {
            console.warn("  {} starts without an AOT cache, from its jar: {}", ServiceProcesses.pad(service.name()),
                    e.getMessage());
        }
    }

    private boolean train(SellavieService service, Path extracted, AotCache cache, Path jar,
            Map<String, String> environment) {
        console.info("  {} recording its AOT cache (first start after a build)…", ServiceProcesses.pad(service.name()));
        long begun = System.nanoTime();
        List<String> command = new ArrayList<>();
        command.add(ManagedProcess.javaBinary());
        command.addAll(options(service));
        command.addAll(cache.recordingOptions(extracted));
        command.add("-jar");
        command.add(extracted.toString());
        Path log = logs.resolve(service.name() + "-aot-training.log");
        ManagedProcess training = ManagedProcess.start(service.name() + " training", command,
                environment(environment), installation.repositoryRoot(), log);
        this.training.add(training);
        try {
            training.handle().onExit().get(TRAINING_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (training.exitValue() == 0 && cache.recorded(jar)) {
                console.info("  {} AOT cache recorded in {}", ServiceProcesses.pad(service.name()), Elapsed.since(begun));
                return true;
            }
        } catch (TimeoutException | ExecutionException e) {
            console.warn("  {} training run did not end within {} min", ServiceProcesses.pad(service.name()),
                    TRAINING_TIMEOUT.toMinutes());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            this.training.remove(training);
            training.stop(Duration.ofSeconds(5));
        }
        console.warn("  {} training run failed (log {}): starting without an AOT cache",
                ServiceProcesses.pad(service.name()), log);
        return false;
    }

    /** Stops the training runs under way (their caches stay unrecorded, so the next start trains again). */
    void stopTraining() {
        stopped = true;
        training.forEach(process -> process.stop(Duration.ofSeconds(5)));
    }

    /** The command that starts one instance of {@code service}. */
    List<String> command(SellavieService service) {
        List<String> command = new ArrayList<>();
        command.add(ManagedProcess.javaBinary());
        command.addAll(options(service));
        Prepared ready = prepared.get(service.module());
        if (ready == null) {
            command.add("-jar");
            command.add(installation.serviceJar(service.module()).toString());
            return command;
        }
        if (mode == CacheMode.RECORD) {
            command.addAll(ready.cache().workloadRecordingOptions());
        } else if (ready.cached()) {
            command.addAll(ready.cache().usingOptions());
        }
        command.add("-jar");
        command.add(ready.jar().toString());
        return command;
    }

    /**
     * Production's options, and Spring AOT mode where the service's jar was built with it (part of the AOT cache's
     * key: the two modes load different classes).
     */
    private List<String> options(SellavieService service) {
        if (!springAot || !SpringAot.processed(installation.serviceJar(service.module()))) {
            return definition.options();
        }
        List<String> options = new ArrayList<>(definition.options());
        options.add(SpringAot.ENABLED);
        return options;
    }

    /** The service's environment plus the definition's ({@code MALLOC_ARENA_MAX}). */
    Map<String, String> environment(Map<String, String> serviceEnvironment) {
        Map<String, String> environment = new LinkedHashMap<>(serviceEnvironment);
        environment.putAll(definition.environment());
        return environment;
    }

    /**
     * After the services stopped in record mode: each cache they wrote becomes the one later starts use. Returns
     * how many services' caches were recorded.
     */
    int adoptRecordings() {
        if (mode != CacheMode.RECORD) {
            return 0;
        }
        int adopted = 0;
        for (Map.Entry<String, Prepared> entry : prepared.entrySet()) {
            Path jar = installation.serviceJar(entry.getKey());
            if (entry.getValue().cache().adoptRecording(jar)) {
                adopted++;
                console.info("  {} AOT cache recorded under load, used from the next start", entry.getKey());
            } else {
                console.warn("  {} wrote no AOT cache when it stopped (its log in {} says why); its previous cache, if"
                        + " any, stays", entry.getKey(), logs);
            }
        }
        return adopted;
    }

    private static void extract(Path jar, Path destination) {
        try {
            Files.createDirectories(destination.getParent());
            Process process = new ProcessBuilder(ManagedProcess.javaBinary(), "-Djarmode=tools", "-jar", jar.toString(),
                    "extract", "--destination", destination.toString(), "--force")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("extracting " + jar + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot extract " + jar, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while extracting " + jar, e);
        }
    }
}
