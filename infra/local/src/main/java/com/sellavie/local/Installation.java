package com.sellavie.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where the launcher finds what the build produced: its own {@code target/} folder (broker
 * classpath, unpacked registry) and the repository root (service jars, web console).
 */
record Installation(Path repositoryRoot, Path launcherTarget) {

    /** Derived from where this class was loaded: {@code infra/local/target/(classes|*.jar)}. */
    static Installation locate() {
        try {
            Path codeSource = Path.of(Installation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = codeSource.getParent();
            return new Installation(target.getParent().getParent().getParent(), target);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot tell where the launcher is installed", e);
        }
    }

    /** The Kafka broker's classpath, written by maven-dependency-plugin's build-classpath goal. */
    String brokerClasspath() {
        Path file = launcherTarget.resolve("kafka-broker.classpath");
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("No " + file + ": rebuild the launcher (./mvnw -B -q -pl infra/local package"
                    + " -DskipTests)", e);
        }
    }

    /** The registry's {@code quarkus-run.jar}, unpacked from its tarball at build time. */
    Path registryRunJar() {
        Path unpacked = launcherTarget.resolve("apicurio-registry");
        try (Stream<Path> files = Files.walk(unpacked, 3)) {
            return files.filter(p -> p.getFileName().toString().equals("quarkus-run.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No quarkus-run.jar under " + unpacked));
        } catch (IOException e) {
            throw new UncheckedIOException("No unpacked registry at " + unpacked + ": rebuild the launcher", e);
        }
    }

    /** The executable jar of a service module, e.g. {@code identity-service/target/identity-service-0.1.0-SNAPSHOT.jar}. */
    Path serviceJar(String module) {
        Path target = repositoryRoot.resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(module + "-") && name.endsWith(".jar") && !name.endsWith("-sources.jar");
            }).findFirst().orElseThrow(() -> missingJar(module));
        } catch (IOException e) {
            throw missingJar(module);
        }
    }

    private static IllegalStateException missingJar(String module) {
        return new IllegalStateException("No executable jar of " + module + ": build it with ./mvnw -B -q package"
                + " -DskipTests (./sellavie up does this when one is missing)");
    }
}
