package com.sellavie.systemtests.journey;

import static org.assertj.core.api.Assertions.fail;

import com.sellavie.systemtests.stack.MetaGraphApi;
import com.sellavie.systemtests.stack.SellavieStack;
import com.sellavie.systemtests.stack.SellavieStackExtension;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web console in a real browser against the whole stack: {@code web/e2e/console-journey.mjs}
 * (playwright-core driving Debian's chromium) signs up through the console, finds connecting refused
 * until it opens the verification link the mail catcher received, connects an Instagram
 * channel, sees the empty inbox, posts a signed DM webhook, and sees the conversation appear without
 * a reload, then the DM and the assistant's reply in it; then a reply whose delivery is UNKNOWN (Meta
 * answered too late) is found under "Needs attention" and marked delivered; then the first conversation
 * is taken over, answered from the composer (Sent), stays unanswered by the assistant when the customer
 * writes during the takeover, and after the release the assistant answers again; then its contact is renamed
 * with notes in the contact editor (a blank name refused, nothing saved) and the inbox lists the new name; then
 * the merchant writes in the "Try your assistant" sandbox chat and sees the assistant's reply appear, Sent, with
 * the test conversation kept out of the inbox; then a product is added and
 * edited in the Catalog and Stripe set up under Settings → Payments (masked keys, webhook URL); then a
 * customer's "I'd like 2 linen shirts" becomes an order under Orders, a Stripe-signed
 * {@code checkout.session.completed} turns it Paid on screen without a reload, and its invoice appears
 * under Invoices with a PDF to download; last, "Connect with Facebook": a login cancelled at Meta's dialog
 * connects nothing, then a granted one offers the user's Page and its Instagram account in the picker and
 * both are listed Connected. The gateway serves the built console
 * ({@code web/dist}). Chromium, Node and {@code web/node_modules} are prerequisites: missing, the
 * test fails with the fix, it does not skip.
 */
@ExtendWith(SellavieStackExtension.class)
class ConsoleBrowserJourneyIT {

    /** The script's own waits add up to ~7 minutes in the worst case (sandbox reply, order, payment, invoice: 60 s each). */
    private static final Duration BROWSER_TIMEOUT = Duration.ofMinutes(8);
    private static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(60);
    private static final String ROUTE_GATE = "e2e: route-gate ";
    private static final int LOG_TAIL_LINES = 40;

    private static SellavieStack stack;
    private static IngestRouting routing;

    @BeforeAll
    static void connectTo(SellavieStack sellavie) {
        stack = sellavie;
        routing = new IngestRouting(sellavie.kafkaBootstrap());
    }

    @AfterAll
    static void disconnect() {
        routing.close();
    }

    @Test
    void aMerchantSignsUpConnectsInstagramSeesASignedDmAppearSetsUpCatalogAndPaymentsSeesAnOrderPaidAndInvoicedAndConnectsWithFacebook() throws Exception {
        // Given Node, playwright-core, Debian's chromium and the built console the gateway serves
        Path web = SellavieStack.projectDirectory().resolve("web");
        Path script = web.resolve("e2e").resolve("console-journey.mjs");
        Path node = requirePrerequisites(web, script);
        Path chromium = chromium();
        Path artifacts = stack.workingDirectory().resolve("browser");
        Path log = stack.workingDirectory().resolve("browser.log");
        Files.createDirectories(artifacts);
        long channelEventsBefore = routing.channelEventsPublished();
        // A second customer whose reply Meta accepts only after conversation-service stopped waiting (8 s):
        // its delivery is UNKNOWN, and the journey settles it from "Needs attention".
        String unknownCustomer = "IGSID-browser-unknown-" + System.nanoTime();
        // The account the console connects, and its token, known to the Graph API stub (the connect is proven with Meta).
        String instagramAccount = "178415" + System.currentTimeMillis();
        String channelToken = "EAAB" + java.util.UUID.randomUUID().toString().replace("-", "");
        stack.metaGraphApi().instagramAccount(channelToken, instagramAccount, "linen.loft." + instagramAccount);
        stack.metaGraphApi().delaySendsTo(unknownCustomer, Duration.ofSeconds(12));
        // The Facebook user who signs in at "Connect with Facebook": one Page and its Instagram account, both
        // offered by the picker and proven with Meta on connect. The first dialog is cancelled by the user.
        String run = Long.toString(System.currentTimeMillis());
        MetaGraphApi.FacebookUser facebookUser = new MetaGraphApi.FacebookUser("10000" + run, "AQD" + run
                        + java.util.UUID.randomUUID().toString().replace("-", ""), "10400" + run, "Linen Loft Page " + run,
                "EAAP" + java.util.UUID.randomUUID().toString().replace("-", ""), "178416" + run, "linen.loft.fb." + run);
        stack.metaGraphApi().facebookLogin(facebookUser);
        stack.metaGraphApi().cancelNextFacebookLogin();

        // When the browser journey runs against the gateway
        ProcessBuilder builder = new ProcessBuilder(node.toString(), script.toString())
                .directory(web.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(Map.of(
                "SELLAVIE_E2E_FACEBOOK_PAGE", facebookUser.pageId(),
                "SELLAVIE_E2E_FACEBOOK_PAGE_NAME", facebookUser.pageName(),
                "SELLAVIE_E2E_FACEBOOK_INSTAGRAM", facebookUser.instagramAccountId()));
        builder.environment().putAll(Map.of(
                "SELLAVIE_CONSOLE_URL", stack.gatewayUrl(),
                "SELLAVIE_META_APP_SECRET", stack.secrets().metaAppSecret(),
                "SELLAVIE_CHROMIUM", chromium.toString(),
                "SELLAVIE_E2E_ARTIFACTS", artifacts.toString(),
                "SELLAVIE_E2E_ROUTE_GATE", "stdin",
                "SELLAVIE_E2E_UNKNOWN_CUSTOMER", unknownCustomer,
                "SELLAVIE_E2E_INSTAGRAM_ACCOUNT", instagramAccount,
                "SELLAVIE_E2E_CHANNEL_TOKEN", channelToken,
                // The verification link is read from the mail catcher before connecting a channel.
                "SELLAVIE_E2E_MAIL_URL", stack.mail().webUrl()));
        Process browser = builder.start();
        BrowserOutput output = new BrowserOutput(browser, log, channelEventsBefore);
        Thread reader = Thread.ofPlatform().name("browser-journey-output").start(output);
        boolean exited = browser.waitFor(BROWSER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!exited) {
            browser.descendants().forEach(ProcessHandle::destroyForcibly);
            browser.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(Duration.ofSeconds(10));
        stack.metaGraphApi().heal();

        // Then it saw every step through, the conversation included
        if (!exited) {
            fail("The browser journey did not finish within %s s (killed); log %s, screenshots in %s:%n%s",
                    BROWSER_TIMEOUT.toSeconds(), log, artifacts, output.tail());
        }
        if (browser.exitValue() != 0) {
            fail("The browser journey failed (exit %d)%s; log %s, screenshots in %s:%n%s", browser.exitValue(),
                    output.routeFailure().map(e -> " — ingest never learnt the channel's route: " + e.getMessage())
                            .orElse(""),
                    log, artifacts, output.tail());
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

    /**
     * Copies the journey's output to its log, keeps the last lines for the failure message, and
     * answers the route gate: when the script has connected the channel, it waits until
     * webhook-ingest-service has learnt the route (seen from the broker, like {@link Shop}) before
     * it posts the DM, which would otherwise rightly be unroutable.
     */
    private static final class BrowserOutput implements Runnable {

        private final Process process;
        private final Path log;
        private final long channelEventsBefore;
        private final Deque<String> tail = new ArrayDeque<>();
        private final AtomicReference<RuntimeException> routeFailure = new AtomicReference<>();

        BrowserOutput(Process process, Path log, long channelEventsBefore) {
            this.process = process;
            this.log = log;
            this.channelEventsBefore = channelEventsBefore;
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
                    if (line.startsWith(ROUTE_GATE)) {
                        answerRouteGate();
                    }
                }
            } catch (IOException e) {
                remember("(output no longer readable: " + e.getMessage() + ")");
            }
        }

        private void answerRouteGate() {
            OutputStream stdin = process.getOutputStream();
            try {
                routing.awaitRouteLearnt(channelEventsBefore, ROUTE_TIMEOUT);
                stdin.write("route-ready\n".getBytes(StandardCharsets.UTF_8));
                stdin.flush();
            } catch (RuntimeException e) {
                routeFailure.set(e);
                closeQuietly(stdin);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not answer the browser journey's route gate", e);
            }
        }

        private static void closeQuietly(OutputStream stdin) {
            try {
                stdin.close();
            } catch (IOException ignored) {
                // The script sees stdin end either way and fails with its own message.
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

        Optional<RuntimeException> routeFailure() {
            return Optional.ofNullable(routeFailure.get());
        }
    }
}
