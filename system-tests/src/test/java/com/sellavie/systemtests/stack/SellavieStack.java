package com.sellavie.systemtests.stack;

import com.sellavie.local.LocalMailCatcher;
import com.sellavie.local.jvm.SpringAot;
import com.sellavie.platform.test.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system, once per test JVM: real PostgreSQL (one database and one non-superuser role per
 * service, so row-level security applies), the in-JVM Kafka broker (services connect over TCP), the
 * Apicurio registry, a WireMock Meta Graph API, two WireMock AI providers, the local stack's mail catcher (SMTP), and identity, ingest, conversation, ai,
 * notification and the gateway, each started from its executable jar as its own JVM on a free
 * port. Stopped when the test run ends (and, as a last resort, by a shutdown hook).
 */
public final class SellavieStack implements AutoCloseable {

    /**
     * Start-up of seven JVMs on two shared cores: generous on purpose; {@code -Dsellavie.stack.readiness-seconds}
     * lengthens it for a benchmark started while other builds saturate the machine.
     */
    public static final Duration READINESS_TIMEOUT = Duration.ofSeconds(Long.getLong("sellavie.stack.readiness-seconds",
            240));

    private static final Logger log = LoggerFactory.getLogger(SellavieStack.class);
    /**
     * Each service JVM's heap, GC and JIT: C1 only by default (journeys are short, start-up matters
     * most); {@code -Dsellavie.stack.jvm-options="..."} replaces them, and {@code =production} takes production's
     * definition ({@code infra/jvm/}, with its environment), as the bench profiles do: they measure steady state.
     */
    private static final ServiceJvmOptions JVM = ServiceJvmOptions.resolve(System.getProperty("sellavie.stack.jvm-options",
            "-Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"), projectDirectory());

    /**
     * Added to every service JVM's options, after {@link #JVM_OPTIONS} (which they do not replace), with
     * {@code {service}} replaced by the service's name: e.g. a profile's
     * {@code -Dsellavie.stack.extra-jvm-options="-XX:StartFlightRecording=filename=jfr/{service}.jfr,settings=profile"}.
     */
    private static final String EXTRA_JVM_OPTIONS = System.getProperty("sellavie.stack.extra-jvm-options", "").trim();

    /**
     * Consumers of the services with a database give up a silent member after 6 s (the broker's minimum)
     * rather than Kafka's default 45 s, so a killed service's partitions move on fast (journeys, the chaos
     * suite). {@code -Dsellavie.stack.fast-consumer-failover=false} keeps the default, as production does: the
     * benchmarks, where a CPU-starved heartbeat must not set off rebalances production would not see.
     */
    private static final boolean FAST_CONSUMER_FAILOVER = Boolean.parseBoolean(
            System.getProperty("sellavie.stack.fast-consumer-failover", "true"));

    /**
     * Services whose jar was built with Spring AOT start in AOT mode, as in production, so the journeys run the
     * generated bean definitions; {@code -Dsellavie.stack.spring-aot=false} starts them reflection-based.
     */
    private static final boolean SPRING_AOT = Boolean.parseBoolean(System.getProperty("sellavie.stack.spring-aot",
            "true"));

    private final Path workingDirectory;
    private final GeneratedSecrets secrets;
    private final MetaGraphApi metaGraphApi;
    private final PaymentProviderApis paymentProviders;
    private final AiProviderApis aiProviders;
    private final LocalMailCatcher mailCatcher;
    private final TraceCollector traces;
    private final String kafkaBootstrap;
    private final Map<String, ServiceProcess> services;
    private final Map<String, TestPostgres.ServiceDatabase> databases;
    private final Thread shutdownHook;

    private SellavieStack(Path workingDirectory, GeneratedSecrets secrets, MetaGraphApi metaGraphApi,
            PaymentProviderApis paymentProviders, AiProviderApis aiProviders, LocalMailCatcher mailCatcher,
            TraceCollector traces, String kafkaBootstrap, Map<String, ServiceProcess> services,
            Map<String, TestPostgres.ServiceDatabase> databases) {
        this.workingDirectory = workingDirectory;
        this.secrets = secrets;
        this.metaGraphApi = metaGraphApi;
        this.paymentProviders = paymentProviders;
        this.aiProviders = aiProviders;
        this.mailCatcher = mailCatcher;
        this.traces = traces;
        this.kafkaBootstrap = kafkaBootstrap;
        this.services = services;
        this.databases = databases;
        this.shutdownHook = new Thread(this::killAll, "system-test-services-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts everything on platform-test's shared infrastructure and waits until every service is ready. */
    public static SellavieStack start() {
        return start(Infrastructure.shared(), Map.of());
    }

    /**
     * Starts every service on {@code infrastructure}, each with {@code extraEnvironment} added to its
     * own (e.g. shorter leases for a chaos run), and waits until every service is ready.
     */
    public static SellavieStack start(Infrastructure infrastructure, Map<String, String> extraEnvironment) {
        Instant started = Instant.now();
        Path dir = Path.of(System.getProperty("sellavie.system-tests.dir", "target/system-tests")).toAbsolutePath();
        PidFiles pidFiles = new PidFiles(dir.resolve("pids"));
        pidFiles.killLeftovers();

        GeneratedSecrets secrets = GeneratedSecrets.create();
        MetaGraphApi meta = MetaGraphApi.start();
        PaymentProviderApis payments = PaymentProviderApis.start();
        AiProviderApis ai = AiProviderApis.start();
        LocalMailCatcher mail = LocalMailCatcher.start(0, 0);
        TraceCollector traces = TraceCollector.start();

        Map<String, Integer> ports = new LinkedHashMap<>();
        for (ServiceJar jar : ServiceJar.values()) {
            ports.put(jar.service(), ListenPorts.free());
        }
        // "Connect with Facebook": Meta's dialog sends the browser back to the console the gateway serves.
        meta.facebookLoginApp(secrets.metaAppSecret(), url(ports.get("gateway")) + "/channels/facebook/callback");
        // The gateway's /actuator is not public: it answers on its own loopback port.
        int gatewayManagementPort = ListenPorts.free();
        // No schema is registered up front: the services start together against an empty
        // registry and each registers every event schema, as in a parallel rollout.
        Map<String, String> common = new HashMap<>();
        common.put("SELLAVIE_KAFKA_BOOTSTRAP", infrastructure.kafkaBootstrap());
        common.put("SELLAVIE_SCHEMA_REGISTRY_URL", infrastructure.registryUrl());
        common.put("SELLAVIE_IDENTITY_URL", url(ports.get("identity")));
        // Every service samples every trace and exports it over OTLP to the receiver in this JVM, so a
        // journey can assert one trace across the services. -Dsellavie.stack.tracing=<probability> samples
        // that share instead (the benchmarks and the chaos suite take production's 0.1, so they measure the
        // tracing cost production pays); 0 or false: nothing sampled or exported.
        double sampling = TracingSampling.parse(System.getProperty("sellavie.stack.tracing", "1.0"));
        if (sampling > 0) {
            common.put("SELLAVIE_TRACING_SAMPLING_PROBABILITY", Double.toString(sampling));
            common.put("OTEL_EXPORTER_OTLP_ENDPOINT", traces.endpoint());
            // Spans reach the receiver within half a second of ending (the default batches every 5 s).
            common.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "500ms");
        } else {
            common.put("SELLAVIE_TRACING_SAMPLING_PROBABILITY", "0");
        }
        // Exemplars only where every Prometheus reads them: PrometheusScrapeJourneyIT scrapes with Debian's 2.42,
        // as the local observability stand-in does.
        common.put("SELLAVIE_PROMETHEUS_EXEMPLARS_ON_ALL_SERIES", "false");
        common.put("SELLAVIE_INTERNAL_TOKEN", secrets.internalToken());
        common.put("SELLAVIE_COMMERCE_URL", url(ports.get("commerce")));
        // identity fetches each data owner's export part from these (sellavie.privacy.export-urls).
        common.put("SELLAVIE_CONVERSATION_URL", url(ports.get("conversation")));
        common.put("SELLAVIE_AI_URL", url(ports.get("ai")));
        common.put("SELLAVIE_NOTIFICATION_URL", url(ports.get("notification")));
        common.put("SELLAVIE_INGEST_URL", url(ports.get("ingest")));
        // Emailed links (verification, reset, invitations, alerts) open the console the gateway serves.
        common.put("SELLAVIE_CONSOLE_URL", url(ports.get("gateway")));
        common.put("SELLAVIE_CONSOLE_BASE_URL", url(ports.get("gateway")));
        common.put("SELLAVIE_SMTP_HOST", "127.0.0.1");
        common.put("SELLAVIE_SMTP_PORT", Integer.toString(mail.smtpPort()));

        Map<String, ServiceProcess> services = new LinkedHashMap<>();
        Map<String, TestPostgres.ServiceDatabase> databases = new LinkedHashMap<>();
        // Extracted two at a time (the common pool on two cores): about 2 s of CPU each.
        Map<ServiceJar, Path> jars = Arrays.stream(ServiceJar.values()).parallel()
                .collect(Collectors.toMap(jar -> jar, jar -> jar.extractInto(dir.resolve("jars"))));
        for (ServiceJar jar : ServiceJar.values()) {
            deleteEarlierRunsLog(dir.resolve(jar.service() + ".log"));
            Map<String, String> env = new HashMap<>(common);
            env.put("SELLAVIE_" + jar.service().toUpperCase(java.util.Locale.ROOT) + "_PORT",
                    Integer.toString(ports.get(jar.service())));
            if (jar.ownsDatabase()) {
                TestPostgres.ServiceDatabase db = infrastructure.createServiceDatabase("st_" + jar.service());
                databases.put(jar.service(), db);
                env.putAll(databaseEnvironment(db));
            }
            env.putAll(serviceEnvironment(jar, secrets, meta, ports));
            if (jar == ServiceJar.COMMERCE) {
                env.putAll(Map.of("SELLAVIE_STRIPE_URL", payments.baseUrl(), "SELLAVIE_PAYSTACK_URL", payments.baseUrl(),
                        "SELLAVIE_FLUTTERWAVE_URL", payments.baseUrl()));
            }
            if (jar == ServiceJar.AI) {
                env.putAll(aiEnvironment(ai));
            }
            env.putAll(JVM.environment());
            env.putAll(extraEnvironment);
            List<String> options = new ArrayList<>(JVM.options());
            options.add("-Dorg.apache.avro.SERIALIZABLE_PACKAGES=com.sellavie");
            if (SPRING_AOT && SpringAot.processed(jar.path())) {
                // As ./sellavie up and the images start them: the bean definitions generated at build time.
                options.add(SpringAot.ENABLED);
            }
            if (!EXTRA_JVM_OPTIONS.isEmpty()) {
                for (String option : EXTRA_JVM_OPTIONS.split("\\s+")) {
                    options.add(option.replace("{service}", jar.service()));
                }
            }
            if (jar.ownsDatabase() && FAST_CONSUMER_FAILOVER) {
                // A restarted consumer gets the partitions of its killed predecessor once the broker
                // notices the death: 6 s (the broker's minimum) instead of the default 45 s.
                options.add("-Dspring.kafka.consumer.properties.session.timeout.ms=6000");
                options.add("-Dspring.kafka.consumer.properties.heartbeat.interval.ms=1500");
            }
            int port = ports.get(jar.service());
            if (jar == ServiceJar.GATEWAY) {
                env.put("SELLAVIE_GATEWAY_MANAGEMENT_PORT", Integer.toString(gatewayManagementPort));
            }
            services.put(jar.service(), new ServiceProcess(jar.service(), jars.get(jar), port,
                    jar == ServiceJar.GATEWAY ? gatewayManagementPort : port, env, options, dir, pidFiles));
        }
        SellavieStack stack = new SellavieStack(dir, secrets, meta, payments, ai, mail, traces,
                infrastructure.kafkaBootstrap(), services, databases);
        try {
            services.values().forEach(ServiceProcess::start);
            services.values().forEach(s -> s.awaitReady(READINESS_TIMEOUT));
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        log.info("Sellavie stack ready in {} s (logs in {})",
                Duration.between(started, Instant.now()).toMillis() / 1000.0, dir);
        return stack;
    }

    /** A run's log holds that run only (a restart within the run appends to it). */
    private static void deleteEarlierRunsLog(Path log) {
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Two OpenAI-compatible platform providers on the stub, with the platform's keys, so a business can put
     * them in its order (Settings → AI); the default chain stays {@code offline} (set in
     * {@link #serviceEnvironment}), so every other journey's replies are the offline assistant's. Moderation by
     * rules: the stub plays chat completions only.
     */
    private static Map<String, String> aiEnvironment(AiProviderApis ai) {
        return Map.of(
                "SELLAVIE_AI_OPENAI_BASE_URL", ai.openAiBaseUrl(),
                "SELLAVIE_AI_OPENAI_API_KEY", AiProviderApis.OPENAI_KEY,
                "SELLAVIE_AI_OPENAI_MODEL", AiProviderApis.OPENAI_MODEL,
                "SELLAVIE_AI_GROQ_BASE_URL", ai.groqBaseUrl(),
                "SELLAVIE_AI_GROQ_API_KEY", AiProviderApis.GROQ_KEY,
                "SELLAVIE_AI_GROQ_MODEL", AiProviderApis.GROQ_MODEL,
                "SELLAVIE_AI_MODERATION", "rules");
    }

    private static Map<String, String> databaseEnvironment(TestPostgres.ServiceDatabase db) {
        String serverUrl = db.jdbcUrl().substring(0, db.jdbcUrl().lastIndexOf('/'));
        Map<String, String> env = new HashMap<>();
        env.put("SELLAVIE_DB_URL", serverUrl);
        env.put("SELLAVIE_DB_USER", db.app().user());
        env.put("SELLAVIE_DB_PASSWORD", db.app().password());
        env.put("SELLAVIE_DB_OWNER_USER", db.owner().user());
        env.put("SELLAVIE_DB_OWNER_PASSWORD", db.owner().password());
        env.put("SELLAVIE_DB_RELAY_USER", db.relay().user());
        env.put("SELLAVIE_DB_RELAY_PASSWORD", db.relay().password());
        // The services name their database sellavie_<service>; each run gets a fresh, uniquely named
        // one instead (the shared server outlives nothing, but parallel JVMs must not collide).
        env.put("SPRING_DATASOURCE_URL", db.jdbcUrl());
        return env;
    }

    private static Map<String, String> serviceEnvironment(ServiceJar jar, GeneratedSecrets secrets, MetaGraphApi meta,
            Map<String, Integer> ports) {
        return switch (jar) {
            case IDENTITY -> Map.of("SELLAVIE_JWT_PRIVATE_KEY_FILE", secrets.jwtPrivateKeyFile().toString(),
                    "SELLAVIE_IDENTITY_KEYSET_FILE", secrets.identityKeysetFile().toString(),
                    "SELLAVIE_EMAIL_LINK_KEYSET", secrets.emailLinkKeyset(),
                    // Every test signs up from 127.0.0.1 through the gateway, against the machine's shared
                    // Redis: the per-client limit of sign-ups would stop a full run (per-address stays).
                    "SELLAVIE_EMAIL_THROTTLE_PER_IP", "100000",
                    // ...and counted under this run's own keys: in the shared ones a run's sign-ups refused the
                    // next ./sellavie up's demo owner (whose limit is 20 per client an hour) for up to an hour.
                    "SELLAVIE_EMAIL_THROTTLE_KEYPREFIX", "sellavie:st-account-email:" + java.util.UUID.randomUUID() + ":");
            case INGEST -> Map.of(
                    "SELLAVIE_META_APP_SECRET", secrets.metaAppSecret(),
                    "SELLAVIE_META_VERIFY_TOKEN", secrets.metaVerifyToken());
            case CONVERSATION -> Map.of(
                    "SELLAVIE_CONVERSATION_KEYSET_FILE", secrets.conversationKeysetFile().toString(),
                    "SELLAVIE_META_GRAPH_URL", meta.graphUrl(),
                    // Facebook Login for Business against the stub's OAuth dialog and token exchanges.
                    "SELLAVIE_META_APP_ID", MetaGraphApi.APP_ID,
                    "SELLAVIE_META_APP_SECRET", secrets.metaAppSecret(),
                    "SELLAVIE_META_DIALOG_URL", meta.dialogUrl(),
                    "SELLAVIE_META_LOGIN_REDIRECT_URI", url(ports.get("gateway")) + "/channels/facebook/callback",
                    // A send interrupted by a kill shows as UNKNOWN once its lease expires (ConversationCrashIT):
                    // shortest lease allowed (> connect 3 s + request 8 s) instead of 30 s.
                    "SELLAVIE_OUTBOUND_LEASE_DURATION", "12s");
            case AI -> Map.of("SELLAVIE_AI_PROVIDERS", "offline", "SELLAVIE_AI_KEYSET", secrets.aiKeyset());
            case COMMERCE -> Map.of(
                    "SELLAVIE_COMMERCE_KEYSET_FILE", secrets.commerceKeysetFile().toString(),
                    "SELLAVIE_PUBLIC_BASE_URL", url(ports.get("gateway")));
            // notification refuses to start without the link keyset it decrypts account emails' links with.
            case NOTIFICATION -> Map.of("SELLAVIE_EMAIL_LINK_KEYSET", secrets.emailLinkKeyset());
            case GATEWAY -> Map.of(
                    // The built console (web/dist), served at / as in production; the browser journey needs it.
                    "SELLAVIE_CONSOLE_DIR", consoleDirectory().toString(),
                    // This run's own rate-limit buckets: other runs on the machine share Redis and 127.0.0.1.
                    "SELLAVIE_GATEWAY_RATELIMIT_KEYPREFIX", "sellavie:st-ratelimit:" + java.util.UUID.randomUUID(),
                    "SELLAVIE_CONVERSATION_URL", url(ports.get("conversation")),
                    "SELLAVIE_NOTIFICATION_URL", url(ports.get("notification")),
                    "SELLAVIE_INGEST_URL", url(ports.get("ingest")));
        };
    }

    /**
     * The project's root folder: system property {@code sellavie.project.dir}, else the parent of
     * the working directory (failsafe runs in this module's folder).
     */
    public static Path projectDirectory() {
        String configured = System.getProperty("sellavie.project.dir");
        return (configured != null ? Path.of(configured) : Path.of("..")).toAbsolutePath().normalize();
    }

    /** Where the gateway serves the console from: the web console as built by {@code npm --prefix web run build}. */
    public static Path consoleDirectory() {
        return projectDirectory().resolve("web").resolve("dist");
    }

    public String gatewayUrl() {
        return service("gateway").baseUrl();
    }

    public ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("No service " + name + " (known: " + services.keySet() + ")");
        }
        return service;
    }

    /**
     * The service's own database as its owner role sees it (the role its migrations run as): for a
     * test that checks what a service keeps, e.g. that an erasure left nothing behind.
     */
    public Database database(String service) {
        TestPostgres.ServiceDatabase db = databases.get(service);
        if (db == null) {
            throw new IllegalArgumentException("No database for " + service + " (known: " + databases.keySet() + ")");
        }
        return new Database(service, db.jdbcUrl(), db.owner().user(), db.owner().password());
    }

    /**
     * Starts again, side by side, every service a test left stopped, and waits until each is ready: a class that
     * stops services (GracefulShutdownIT) leaves them so, and only a class that comes after it pays for the restart.
     */
    public void startStopped() {
        List<ServiceProcess> stopped = services.values().stream().filter(service -> !service.isAlive()).toList();
        stopped.forEach(ServiceProcess::start);
        stopped.forEach(service -> service.awaitReady(READINESS_TIMEOUT));
    }

    /** Every service, in start order. */
    public List<ServiceProcess> services() {
        return List.copyOf(services.values());
    }

    /** The services that own a database, in start order. */
    public List<String> servicesWithDatabases() {
        return List.copyOf(databases.keySet());
    }

    /** A service's JDBC URL and its owner role's credentials. */
    public record Database(String service, String jdbcUrl, String user, String password) {
        @Override
        public String toString() {
            return "Database[" + service + ", " + jdbcUrl + ", " + user + "]";
        }
    }

    public ServiceProcess conversation() {
        return service("conversation");
    }

    public MetaGraphApi metaGraphApi() {
        return metaGraphApi;
    }

    /** The spans every service exported (OTLP) since the stack started. */
    public TraceCollector traces() {
        return traces;
    }

    /** Stripe, Paystack and Flutterwave as commerce-service sees them. */
    public PaymentProviderApis paymentProviders() {
        return paymentProviders;
    }

    /** The two OpenAI-compatible providers (openai, groq) ai-service offers businesses. */
    public AiProviderApis aiProviders() {
        return aiProviders;
    }

    /** Tokens of further members (AGENT, ADMIN) of a business, signed with identity's key. */
    public MemberTokens memberTokens() {
        return new MemberTokens(secrets.jwtPrivateKeyFile());
    }

    /** The mail the services sent (verification, reset, invitations, alerts). */
    public Mailbox mail() {
        return new Mailbox(mailCatcher);
    }

    public GeneratedSecrets secrets() {
        return secrets;
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    private static String url(int port) {
        return "http://127.0.0.1:" + port;
    }


    private void killAll() {
        services.values().forEach(ServiceProcess::kill);
    }

    /** Stops every service (gateway first), then the Meta, payment and AI provider stubs, and deletes the secrets. */
    @Override
    public void close() {
        List<ServiceProcess> reversed = new ArrayList<>(services.values());
        java.util.Collections.reverse(reversed);
        reversed.parallelStream().forEach(s -> s.stop(Duration.ofSeconds(20)));
        metaGraphApi.close();
        paymentProviders.close();
        aiProviders.close();
        mailCatcher.close();
        traces.close();
        secrets.close();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or ran: nothing left to do.
        }
    }
}
