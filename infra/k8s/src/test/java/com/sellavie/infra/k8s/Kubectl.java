package com.sellavie.infra.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs kubectl (client side only: {@code kustomize}, {@code create --dry-run=client}). A missing kubectl
 * fails the test with the way to install it, never skips it.
 */
final class Kubectl {

    static final String MISSING = "kubectl is not installed: the Kubernetes manifests cannot be rendered "
            + "(Debian: apt-get install -y kubectl; or any kubectl 1.27+ on the PATH)";

    private Kubectl() {
    }

    /** {@code kubectl kustomize <dir>}: the rendered YAML stream. */
    static String kustomize(Path dir) {
        return run(List.of("kubectl", "kustomize", dir.toString()), dir, Map.of());
    }

    /** Runs a command that needs kubectl on the PATH; its standard output, or a failure with its standard error. */
    static String run(List<String> command, Path workDir, Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError(command.getFirst().equals("kubectl") ? MISSING : "cannot run " + command + ": " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
            // Read both streams fully before waiting: a full pipe would block the child.
            var stderr = process.getErrorStream();
            var stderrText = new StringBuilder();
            Thread drain = Thread.ofVirtual().start(() -> {
                try {
                    stderrText.append(new String(stderr.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the exit code tells the story
                }
            });
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within 2 minutes");
            }
            drain.join();
            if (process.exitValue() != 0) {
                if (stderrText.toString().contains("kubectl: command not found")) {
                    throw new AssertionError(MISSING);
                }
                throw new AssertionError(command + " exited " + process.exitValue() + ":\n" + stderrText
                        + (command.contains("kustomize") ? "\n(the manifests need kubectl 1.27+, with Kustomize v5: kubectl version --client)" : ""));
            }
            return stdout;
        } catch (IOException e) {
            throw new AssertionError("reading " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }
}
