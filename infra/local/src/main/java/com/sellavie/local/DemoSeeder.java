package com.sellavie.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the demo business through the public HTTP API (via the gateway), exactly as a merchant
 * would: sign-up, the emailed verification link (read from the local mail catcher), its Instagram account, Facebook Page (Messenger) and WhatsApp number (each proven
 * with the sandbox Graph API by conversation-service, as with Meta), the assistant's FAQ, the catalog,
 * and a test Stripe account pointing at the sandbox payment provider. Each step is remembered in
 * {@code demo.properties}, so later runs do nothing; a step whose effect already exists (409) counts as done.
 * The sandboxes forget on restart: every run tells them again about the demo accounts (channel tokens
 * and Stripe keys, kept in {@code secrets/}).
 */
final class DemoSeeder {

    private static final Logger console = LoggerFactory.getLogger("sellavie");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One of the demo business's channels: what the sandbox is told its token controls, and the body of
     * {@code POST /api/channels} (without the token). Instagram keeps the state key of the stacks that
     * seeded only Instagram, so their data folders do not connect it twice.
     */
    record DemoChannel(String kind, String stateKey, String description, SandboxGraphApi.Account account,
            Map<String, Object> request) {
    }

    static List<DemoChannel> channels() {
        return List.of(
                new DemoChannel("instagram", "channel.connected",
                        "Instagram account " + DemoBusiness.INSTAGRAM_ACCOUNT_ID,
                        new SandboxGraphApi.InstagramAccount(DemoBusiness.INSTAGRAM_ACCOUNT_ID,
                                DemoBusiness.INSTAGRAM_ACCOUNT_NAME.replaceFirst("^@", "")),
                        Map.of("type", "INSTAGRAM", "externalId", DemoBusiness.INSTAGRAM_ACCOUNT_ID,
                                "name", DemoBusiness.INSTAGRAM_ACCOUNT_NAME)),
                // No name: conversation-service stores Meta's (the Page name, the number's verified name).
                new DemoChannel("messenger", "channel.messenger.connected",
                        "Messenger Page " + DemoBusiness.MESSENGER_PAGE_ID,
                        new SandboxGraphApi.FacebookPage(DemoBusiness.MESSENGER_PAGE_ID,
                                DemoBusiness.MESSENGER_PAGE_NAME),
                        Map.of("type", "MESSENGER", "externalId", DemoBusiness.MESSENGER_PAGE_ID)),
                new DemoChannel("whatsapp", "channel.whatsapp.connected",
                        "WhatsApp number " + DemoBusiness.WHATSAPP_DISPLAY_PHONE_NUMBER,
                        new SandboxGraphApi.WhatsAppNumber(DemoBusiness.WHATSAPP_PHONE_NUMBER_ID,
                                DemoBusiness.WHATSAPP_BUSINESS_ACCOUNT_ID, DemoBusiness.WHATSAPP_DISPLAY_PHONE_NUMBER,
                                DemoBusiness.WHATSAPP_VERIFIED_NAME),
                        Map.of("type", "WHATSAPP", "externalId", DemoBusiness.WHATSAPP_PHONE_NUMBER_ID,
                                "phoneNumberId", DemoBusiness.WHATSAPP_PHONE_NUMBER_ID,
                                "wabaId", DemoBusiness.WHATSAPP_BUSINESS_ACCOUNT_ID)));
    }

    private final String gatewayUrl;
    private final Path stateFile;
    private final LocalSecrets secrets;
    private final Optional<SandboxPayments> sandboxPayments;
    private final Optional<SandboxGraphApi> sandboxGraph;
    private final Optional<LocalMailCatcher> mail;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    DemoSeeder(String gatewayUrl, Path stateFile, LocalSecrets secrets, Optional<SandboxPayments> sandboxPayments,
            Optional<SandboxGraphApi> sandboxGraph, Optional<LocalMailCatcher> mail) {
        this.gatewayUrl = gatewayUrl;
        this.stateFile = stateFile;
        this.secrets = secrets;
        this.sandboxPayments = sandboxPayments;
        this.sandboxGraph = sandboxGraph;
        this.mail = mail;
    }

    /** Runs the steps not done yet. */
    void seed() throws IOException, InterruptedException {
        Properties state = load(stateFile);
        // First: conversation-service asks the sandbox to prove each channel, and sends to them.
        registerChannelsWithSandbox();
        boolean paymentsWanted = sandboxPayments.isPresent();
        List<DemoChannel> unconnected = channels().stream().filter(channel -> !done(state, channel.stateKey()))
                .toList();
        if (unconnected.isEmpty() && done(state, "knowledge.seeded") && done(state, "catalog.seeded")
                && (!paymentsWanted || done(state, "payments.configured"))) {
            registerPaymentsWithSandbox(state);
            return;
        }
        String token = accessToken();
        state.setProperty("owner.signed-up", "true");
        store(state);
        for (DemoChannel channel : unconnected) {
            connectChannel(token, channel, state);
        }
        if (!done(state, "knowledge.seeded")) {
            seedKnowledge(token, state);
        }
        if (!done(state, "catalog.seeded")) {
            seedCatalog(token, state);
        }
        if (paymentsWanted && !done(state, "payments.configured")) {
            configurePayments(token, state);
        }
        registerPaymentsWithSandbox(state);
    }

    private static boolean done(Properties state, String step) {
        return "true".equals(state.getProperty(step));
    }

    private void registerChannelsWithSandbox() {
        sandboxGraph.ifPresent(graph -> channels().forEach(channel ->
                graph.controls(secrets.sandboxChannelToken(channel.kind()), channel.account())));
    }

    private void connectChannel(String token, DemoChannel demo, Properties state)
            throws IOException, InterruptedException {
        Map<String, Object> request = new LinkedHashMap<>(demo.request());
        request.put("accessToken", secrets.sandboxChannelToken(demo.kind()));
        HttpResponse<String> channel = send("POST", "/api/channels", token, request);
        if (channel.statusCode() == 403 && channel.body().contains("EMAIL_NOT_VERIFIED")) {
            // A real mail server (SELLAVIE_SMTP_HOST set): the owner confirms from their inbox, a later run connects.
            console.info("  demo channel    not connected: {} has not confirmed the address yet (open the"
                    + " verification mail, then start again)", DemoBusiness.OWNER_EMAIL);
            return;
        }
        if (channel.statusCode() == 422 && sandboxGraph.isEmpty()) {
            // A real Graph API (SELLAVIE_META_GRAPH_URL set) rightly refuses the demo's made-up token.
            console.info("  demo channel    not connected: {} refused the token of the demo {} (connect a real"
                    + " channel in the console)", "SELLAVIE_META_GRAPH_URL", demo.description());
            return;
        }
        if (channel.statusCode() != 201 && channel.statusCode() != 409) {
            throw new IllegalStateException("Connecting the demo " + demo.description() + " answered "
                    + channel.statusCode() + ": " + channel.body());
        }
        state.setProperty(demo.stateKey(), "true");
        state.setProperty(demo.stateKey().replace(".connected", ".external-id"), demo.account().id());
        store(state);
        console.info("  demo channel    connected: {} of {} (sandbox)", demo.description(), DemoBusiness.BUSINESS_NAME);
    }

    /** The assistant's FAQ, through ai-service's merchant API (PUT replaces the whole document). */
    private void seedKnowledge(String token, Properties state) throws IOException, InterruptedException {
        HttpResponse<String> knowledge = send("PUT", "/api/ai/knowledge", token, DemoBusiness.knowledge());
        if (knowledge.statusCode() != 200) {
            throw new IllegalStateException("Seeding the demo FAQ answered " + knowledge.statusCode() + ": "
                    + knowledge.body());
        }
        state.setProperty("knowledge.seeded", "true");
        store(state);
        console.info("  demo FAQ seeded: {} answers", DemoBusiness.FAQ_COUNT);
    }

    /** The catalog, through commerce's merchant API (PUT by sku creates or replaces: safe to repeat). */
    private void seedCatalog(String token, Properties state) throws IOException, InterruptedException {
        for (Map<String, Object> product : DemoBusiness.products()) {
            HttpResponse<String> answer = send("PUT", "/api/catalog/products/" + product.get("sku"), token, product);
            if (answer.statusCode() != 200 && answer.statusCode() != 201) {
                throw new IllegalStateException("Seeding the demo catalog answered " + answer.statusCode() + ": "
                        + answer.body());
            }
        }
        state.setProperty("catalog.seeded", "true");
        store(state);
        console.info("  demo catalog seeded: {} products", DemoBusiness.PRODUCT_COUNT);
    }

    /**
     * A test Stripe account whose keys only the sandbox knows: commerce creates checkout sessions in the
     * sandbox, which delivers the signed webhooks to the URL the settings show.
     */
    private void configurePayments(String token, Properties state) throws IOException, InterruptedException {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("secretKey", secrets.sandboxStripeSecretKey());
        settings.put("publicKey", "pk_test_" + SecretFile.randomHex(12));
        settings.put("webhookSecret", secrets.sandboxStripeWebhookSecret());
        settings.put("mode", "TEST");
        settings.put("currency", DemoBusiness.CURRENCY);
        settings.put("isDefault", true);
        HttpResponse<String> saved = send("PUT", "/api/payments/providers/STRIPE", token, settings);
        if (saved.statusCode() != 200 && saved.statusCode() != 201) {
            throw new IllegalStateException("Configuring the demo Stripe account answered " + saved.statusCode()
                    + ": " + saved.body());
        }
        HttpResponse<String> listed = send("GET", "/api/payments/providers", token, null);
        String webhookUrl = null;
        for (JsonNode provider : JSON.readTree(listed.body())) {
            if ("STRIPE".equals(provider.path("provider").asText())) {
                webhookUrl = provider.path("webhookUrl").asText(null);
            }
        }
        if (webhookUrl == null) {
            throw new IllegalStateException("The demo Stripe account has no webhook URL: " + listed.body());
        }
        state.setProperty("payments.configured", "true");
        state.setProperty("payments.webhook-url", webhookUrl);
        store(state);
        console.info("  demo payments   configured: Stripe (sandbox, test mode), webhooks to {}", webhookUrl);
    }

    private void registerPaymentsWithSandbox(Properties state) {
        String webhookUrl = state.getProperty("payments.webhook-url");
        if (webhookUrl != null) {
            sandboxPayments.ifPresent(sandbox -> sandbox.register(secrets.sandboxStripeSecretKey(),
                    secrets.sandboxStripeWebhookSecret(), URI.create(webhookUrl)));
        }
    }

    /**
     * Logs the owner in, signing up first only when there is no account yet: a sign-up for an address that
     * has one mails its owner ("someone signed up with your address") and counts against identity's
     * sign-up throttle (per address, in Redis, shared by every stack on the machine), so repeated runs must
     * not ask again. An unconfirmed address is confirmed through the mail catcher's verification mail, then
     * the owner logs in again (the new token says so); with a real mail server it stays unconfirmed.
     */
    private String accessToken() throws IOException, InterruptedException {
        String password = secrets.demoOwnerPassword();
        Optional<String> existing = logIn(password);
        if (existing.isEmpty()) {
            signUp(password);
        }
        String token = existing.isPresent() ? existing.get() : logIn(password).orElseThrow(() ->
                new IllegalStateException("The demo owner " + DemoBusiness.OWNER_EMAIL
                        + " cannot log in with the password in " + "secrets/ (was it changed in the console?)"));
        if (DemoOwnerVerification.verified(token) || mail.isEmpty()) {
            return token;
        }
        confirmOwnerAddress(new DemoOwnerVerification(mail.get()), token);
        return logIn(password).orElseThrow();
    }

    private void signUp(String password) throws IOException, InterruptedException {
        HttpResponse<String> signup = send("POST", "/api/auth/signup", null, Map.of(
                "email", DemoBusiness.OWNER_EMAIL, "password", password, "businessName", DemoBusiness.BUSINESS_NAME));
        if (signup.statusCode() == 429) {
            // Fresh data folders (./sellavie bench makes one each run) sign the same address up again.
            throw new IllegalStateException("Signing up the demo owner " + DemoBusiness.OWNER_EMAIL
                    + " was refused: identity allows a few sign-ups per address and client per hour (counted in"
                    + " Redis, also for earlier stacks on this machine); try again in "
                    + signup.headers().firstValue("Retry-After").orElse("?") + " s");
        }
        if (signup.statusCode() != 202) {
            throw new IllegalStateException("Signing up the demo owner answered " + signup.statusCode() + ": "
                    + signup.body());
        }
    }

    private void confirmOwnerAddress(DemoOwnerVerification verification, String token)
            throws IOException, InterruptedException {
        Optional<String> link = verification.awaitToken(DemoBusiness.OWNER_EMAIL, Duration.ofSeconds(15));
        if (link.isEmpty()) {
            // Signed up by an earlier run whose mail is gone (the catcher keeps mail in memory): ask again.
            HttpResponse<String> resend = send("POST", "/api/auth/email-verification/resend", token, null);
            if (resend.statusCode() != 204 && resend.statusCode() != 429) {
                throw new IllegalStateException("Asking for the demo owner's verification mail answered "
                        + resend.statusCode() + ": " + resend.body());
            }
            link = verification.awaitToken(DemoBusiness.OWNER_EMAIL, Duration.ofSeconds(60));
        }
        String verificationToken = link.orElseThrow(() -> new IllegalStateException(
                "No verification mail reached the demo owner " + DemoBusiness.OWNER_EMAIL + " within 75 s"));
        HttpResponse<String> verified = send("POST", "/api/auth/email-verification", null,
                Map.of("token", verificationToken));
        if (verified.statusCode() != 204) {
            throw new IllegalStateException("Confirming the demo owner's address answered " + verified.statusCode()
                    + ": " + verified.body());
        }
        console.info("  demo owner      {} confirmed through the verification mail", DemoBusiness.OWNER_EMAIL);
    }

    /** The owner's access token, or empty when identity knows no such account (401). */
    private Optional<String> logIn(String password) throws IOException, InterruptedException {
        HttpResponse<String> answer = send("POST", "/api/auth/login", null,
                Map.of("email", DemoBusiness.OWNER_EMAIL, "password", password));
        if (answer.statusCode() == 401) {
            return Optional.empty();
        }
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Logging in the demo owner answered " + answer.statusCode() + ": "
                    + answer.body());
        }
        return Optional.of(JSON.readTree(answer.body()).path("accessToken").asText());
    }

    private HttpResponse<String> send(String method, String path, String bearer, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Properties load(Path file) {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    private void store(Properties state) throws IOException {
        try (OutputStream out = Files.newOutputStream(stateFile)) {
            state.store(out, "What ./sellavie up has seeded (delete a line to redo that step)");
        }
    }
}
