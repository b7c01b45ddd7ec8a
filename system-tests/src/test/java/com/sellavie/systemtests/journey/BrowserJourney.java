package com.sellavie.systemtests.journey;

import static org.assertj.core.api.Assertions.fail;

import com.sellavie.systemtests.stack.SellavieStack;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One {@code web/e2e/*.mjs} browser journey run with node (playwright-core driving Debian's chromium)
 * against the stack's gateway, which serves the built console. Missing prerequisites fail the test with
 * the fix (it never skips); the script's output goes to a log and its last lines into the failure message.
 */
final class BrowserJourney {

    private static final int LOG_TAIL_LINES = 40;

    /** Sees each line the script prints, with the script's stdin to answer it (e.g. a route gate). */
    @FunctionalInterface
    interface OutputListener {
        void onLine(String line, OutputStream stdin) throws IOException;
    }

    private final Path web;
    private final Path script;
    private final Path node;
    private final Path chromium;
    private final Path artifacts;
    private final Path log;
    private final String consoleUrl;

    private BrowserJourney(Path web, Path script, Path node, Path chromium, Path artifacts, Path log, String consoleUrl) {
        this.web = web;
        this.script = script;
        this.node = node;
        this.chromium = chromium;
        this.artifacts = artifacts;
        this.log = log;
        this.consoleUrl = consoleUrl;
    }

    /**
     * The script {@code web/e2e/<scriptName>}, its screenshots in {@code <stack dir>/<artifactsDir>} and its
     * output in {@code <stack dir>/<logName>}; fails with the fix when node, playwright-core, chromium or
     * the built console is missing.
     */
    static BrowserJourney prepare(SellavieStack stack, String scriptName, String artifactsDir, String logName)
            throws IOException {
        Path web = SellavieStack.projectDirectory().resolve("web");
        Path script = web.resolve("e2e").resolve(scriptName);
        Path node = requirePrerequisites(web, script);
        Path artifacts = stack.workingDirectory().resolve(artifactsDir);
        Files.createDirectories(artifacts);
        return new BrowserJourney(web, script, node, chromium(), artifacts, stack.workingDirectory().resolve(logName),
                stack.gatewayUrl());
    }

    /** Runs a script that asks nothing of the test while it runs; see {@link #run(Map, Duration, OutputListener, Supplier)}. */
    void run(Map<String, String> env, Duration timeout) throws IOException, InterruptedException {
        run(env, timeout, (line, stdin) -> { }, () -> "");
    }

    /**
     * Runs the script with the console URL, chromium and artifacts folder plus {@code env}, and fails
     * (exit code, {@code failureDetail}, log tail) unless it exits 0 within {@code timeout}.
     */
    void run(Map<String, String> env, Duration timeout, OutputListener listener, Supplier<String> failureDetail)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(node.toString(), script.toString())
                .directory(web.toFile())
                .redirectErrorStream(true);
        Map<String, String> environment = new HashMap<>(env);
        environment.put("SELLAVIE_CONSOLE_URL", consoleUrl);
        environment.put("SELLAVIE_CHROMIUM", chromium.toString());
        environment.put("SELLAVIE_E2E_ARTIFACTS", artifacts.toString());
        builder.environment().putAll(environment);
        Process browser = builder.start();
        Output output = new Output(browser, log, listener);
        Thread reader = Thread.ofPlatform().name("browser-journey-output").start(output);
        boolean exited = browser.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!exited) {
            browser.descendants().forEach(ProcessHandle::destroyForcibly);
            browser.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(Duration.ofSeconds(10));
        if (!exited) {
            fail("The browser journey %s did not finish within %s s (killed); log %s, screenshots in %s:%n%s",
                    script.getFileName(), timeout.toSeconds(), log, artifacts, output.tail());
        }
        if (browser.exitValue() != 0) {
            fail("The browser journey %s failed (exit %d)%s; log %s, screenshots in %s:%n%s", script.getFileName(),
                    browser.exitValue(), failureDetail.get(), log, artifacts, output.tail());
        }
    }

    /** Fails with the cause and the fix when something the browser journey needs is missing; returns node. */
    private static Path requirePrerequisites(Path web, Path script) {
        if (!Files.isRegularFile(script)) {
            fail("No browser journey script at %s", script);
        }
        Path node = onPath("node").orElse(null);
        if (node == null) {
            fail("Node.js is not on PATH: install Node 20.19 or newer (the browser journey runs with node)");
        }
        if (!Files.isRegularFile(web.resolve("node_modules").resolve("playwright-core").resolve("package.json"))) {
            fail("playwright-core is not installed in %s: run `npm --prefix web ci`", web.resolve("node_modules"));
        }
        if (!Files.isRegularFile(SellavieStack.consoleDirectory().resolve("index.html"))) {
            fail("The console is not built (no %s): run `npm --prefix web run build`",
                    SellavieStack.consoleDirectory().resolve("index.html"));
        }
        return node;
    }

    /** Debian's chromium: SELLAVIE_CHROMIUM, else /usr/bin/chromium. */
    private static Path chromium() {
        Path chromium = Path.of(Optional.ofNullable(System.getenv("SELLAVIE_CHROMIUM")).orElse("/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            fail("No chromium at %s: install Debian's chromium (`apt-get install -y chromium`, as .ci/run does) "
                    + "or point SELLAVIE_CHROMIUM at one", chromium);
        }
        return chromium;
    }

    private static Optional<Path> onPath(String command) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(java.io.File.pathSeparator)).filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, command)).filter(Files::isExecutable).findFirst();
    }

    /** Copies the script's output to its log, keeps the last lines, and hands each line to the listener. */
    private static final class Output implements Runnable {

        private final Process process;
        private final Path log;
        private final OutputListener listener;
        private final Deque<String> tail = new ArrayDeque<>();

        Output(Process process, Path log, OutputListener listener) {
            this.process = process;
            this.log = log;
            this.listener = listener;
        }

        @Override
        public void run() {
            try (BufferedReader lines = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    remember(line);
                    listener.onLine(line, process.getOutputStream());
                }
            } catch (IOException e) {
                remember("(output no longer readable: " + e.getMessage() + ")");
            }
        }

        private synchronized void remember(String line) {
            if (tail.size() == LOG_TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(line);
        }

        synchronized String tail() {
            return String.join(System.lineSeparator(), List.copyOf(tail));
        }
    }
}
