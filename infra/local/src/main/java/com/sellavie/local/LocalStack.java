package com.sellavie.local;

import com.sellavie.local.jvm.ServiceJvmDefinition;
import com.sellavie.local.jvm.SpringAot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./sellavie up}: checks ports, generates secrets, starts the infrastructure, the sandbox
 * Graph API, sandbox payment provider and mail catcher, every service and the gateway, seeds the demo business, then waits for Ctrl-C, on
 * which a shutdown hook stops everything in reverse order.
 */
final class LocalStack {

    private static final Logger console = LoggerFactory.getLogger("sellavie");
    static final String GATEWAY_URL = "http://localhost:8080";

    private final Installation installation;
    private final DataFolder data;
    private final Map<String, String> environment;
    private final InfrastructurePorts ports = InfrastructurePorts.standard();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile LocalInfrastructure infrastructure;
    private volatile SandboxGraphApi sandbox;
    private volatile SandboxPayments sandboxPayments;
    private volatile LocalMailCatcher mailCatcher;
    private volatile ServiceProcesses services;

    private final Replicas replicas;

    LocalStack(Installation installation, DataFolder data, Map<String, String> environment) {
        this(installation, data, environment, Replicas.NONE);
    }

    /** Variables every service gets on top of the stack's own ({@code ./sellavie bench} raises rate limits). */
    private final Map<String, String> serviceOverrides;

    LocalStack(Installation installation, DataFolder data, Map<String, String> environment, Replicas replicas) {
        this(installation, data, environment, replicas, Map.of());
    }

    LocalStack(Installation installation, DataFolder data, Map<String, String> environment, Replicas replicas,
            Map<String, String> serviceOverrides) {
        this.installation = installation;
        this.data = data;
        this.environment = environment;
        this.replicas = replicas;
        this.serviceOverrides = Map.copyOf(serviceOverrides);
    }

    /**
     * The started stack as work run against it sees it; {@code sandbox} and {@code mail} are null when
     * external ones were configured.
     */
    record Running(String gatewayUrl, String kafkaBootstrap, LocalSecrets secrets, SandboxGraphApi sandbox,
            LocalMailCatcher mail, DataFolder data, long startedNanos) {
    }

    /** What runs once the stack is ready; its result is the process exit code. */
    interface Work {
        int run(Running stack) throws Exception;
    }

    /** Runs until interrupted; returns the process exit code. */
    int up() {
        return startThen(stack -> {
            printReady(stack.startedNanos(), stack.secrets());
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        });
    }

    /**
     * Starts everything, then runs {@code work} against it. The stack stops when the JVM exits (the
     * shutdown hook, also on Ctrl-C), so {@code work} returning and the caller exiting stops it.
     */
    int startThen(Work work) {
        data.create();
        Optional<StackLock> lock = StackLock.tryAcquire(data.lockFile());
        if (lock.isEmpty()) {
            console.error("Sellavie is already running on {} (pid {}): use it, or stop it with Ctrl-C in its terminal.",
                    data.root(), StackLock.holder(data.lockFile()));
            return 1;
        }
        Optional<String> conflict = PortConflicts.firstConflict(wantedPorts());
        if (conflict.isPresent()) {
            console.error(conflict.get());
            lock.get().close();
            return 1;
        }
        Thread hook = new Thread(() -> stopAll(lock.get()), "sellavie-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        long begun = System.nanoTime();
        Running running;
        try {
            RedisCheck.require(redisUrl());
            LocalSecrets secrets = new LocalSecrets(data.secrets(), environment);
            Map<String, String> shared = sharedServiceEnvironment(secrets);
            console.info("Secrets (generated once, kept in {}): Meta app secret and verify token, JWT signing key,"
                    + " channel-token and payment-secret keysets, operator and service tokens, database passwords", data.secrets());
            console.info("Starting infrastructure (logs in {})", data.logs());
            infrastructure = LocalInfrastructure.start(installation, data, secrets, ports, environment);
            console.info("Starting services");
            ServiceJvm jvm = new ServiceJvm(installation, ServiceJvmDefinition.of(installation.repositoryRoot())
                    // Extra service flags for an analysis (e.g. -XX:NativeMemoryTracking=summary); part of the cache's key.
                    .plus(environment.get("SELLAVIE_SERVICE_JAVA_OPTS")),
                    data.jvm(), data.logs(), ServiceJvm.CacheMode.of(environment.get("SELLAVIE_AOT_CACHE")),
                    SpringAot.wanted(environment.get("SELLAVIE_SPRING_AOT")));
            services = new ServiceProcesses(installation, jvm, data.logs(), service -> {
                Map<String, String> env = new LinkedHashMap<>(shared);
                env.putAll(infrastructure.serviceEnvironment(service.database()));
                if (service.equals(SellavieService.GATEWAY)) {
                    env.putAll(replicas.gatewayEnvironment());
                } else {
                    // A replica listens on its own port (outranks each service's SELLAVIE_<NAME>_PORT default).
                    env.put("SERVER_PORT", String.valueOf(service.port()));
                }
                env.putAll(serviceOverrides);
                return env;
            }, data.runState(), infrastructure.kafkaBootstrap());
            // All at once: each service and the gateway fetch identity's JWKS on the first token, not at start,
            // so nothing waits for identity to be up (docs/benchmarks.md "Local stack start-up").
            List<SellavieService> all = new ArrayList<>();
            all.add(SellavieService.IDENTITY);
            all.addAll(replicas.instancesOf(SellavieService.BEHIND_IDENTITY));
            all.add(SellavieService.GATEWAY);
            services.startAndAwait(all);
            new DemoSeeder(GATEWAY_URL, data.demoState(), secrets, Optional.ofNullable(sandboxPayments),
                    Optional.ofNullable(sandbox), Optional.ofNullable(mailCatcher)).seed();
            running = new Running(GATEWAY_URL, infrastructure.kafkaBootstrap(), secrets, sandbox, mailCatcher, data,
                    begun);
        } catch (Exception e) {
            console.error("Sellavie could not start: {}", e.getMessage());
            return 1;
        }
        try {
            return work.run(running);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            console.error("Failed while the stack ran: {}", e.toString());
            return 1;
        }
    }

    private Map<String, String> sharedServiceEnvironment(LocalSecrets secrets) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SELLAVIE_IDENTITY_URL", "http://localhost:8081");
        // The machine's Redis: the access-token denylist every service and the gateway read.
        env.put("SELLAVIE_REDIS_URL", redisUrl());
        env.putAll(counterKeyPrefixes(secrets.redisNamespace()));
        env.put("SELLAVIE_META_APP_SECRET", secrets.metaAppSecret());
        env.put("SELLAVIE_META_VERIFY_TOKEN", secrets.metaVerifyToken());
        // Opens each service's /ops/** (never routed by the gateway) to ./sellavie dlt|unroutable.
        env.put("SELLAVIE_OPS_TOKEN", secrets.opsToken());
        String graphUrl = environment.get("SELLAVIE_META_GRAPH_URL");
        if (graphUrl == null || graphUrl.isBlank()) {
            sandbox = SandboxGraphApi.start(ports.sandbox(), data.sandbox().resolve("outbound.jsonl"));
            graphUrl = sandbox.graphUrl();
            console.info("Sandbox Graph API at {} (SELLAVIE_META_GRAPH_URL unset): Instagram, Messenger and"
                    + " WhatsApp sends are recorded in {}", graphUrl, sandbox.record());
            // "Connect with Facebook" against the sandbox's own OAuth dialog and sandbox app.
            sandbox.acceptFacebookLogin(secrets.metaAppSecret());
            env.put("SELLAVIE_META_APP_ID", SandboxFacebookLogin.APP_ID);
            env.put("SELLAVIE_META_DIALOG_URL", sandbox.dialogUrl());
        }
        env.put("SELLAVIE_META_GRAPH_URL", graphUrl);
        String stripeUrl = environment.get("SELLAVIE_STRIPE_URL");
        if (stripeUrl == null || stripeUrl.isBlank()) {
            sandboxPayments = SandboxPayments.start(ports.sandboxPayments());
            stripeUrl = sandboxPayments.apiUrl();
            console.info("Sandbox payment provider (Stripe-shaped) at {} (SELLAVIE_STRIPE_URL unset): checkout links"
                    + " open a local Pay / Decline page", stripeUrl);
        }
        env.put("SELLAVIE_STRIPE_URL", stripeUrl);
        if (isUnset("SELLAVIE_SMTP_HOST")) {
            mailCatcher = LocalMailCatcher.start(LocalMailCatcher.SMTP_PORT, LocalMailCatcher.HTTP_PORT);
            env.put("SELLAVIE_SMTP_HOST", "localhost");
            env.put("SELLAVIE_SMTP_PORT", String.valueOf(mailCatcher.smtpPort()));
            console.info("Mail catcher (SELLAVIE_SMTP_HOST unset): SMTP on {}, every mail sent readable at {}",
                    mailCatcher.smtpPort(), mailCatcher.webUrl());
        }
        // identity encrypts the links of account emails with it, notification decrypts them (a JSON keyset).
        env.put("SELLAVIE_EMAIL_LINK_KEYSET", secrets.emailLinkKeyset());
        env.put("SELLAVIE_JWT_PRIVATE_KEY_FILE", secrets.jwtPrivateKeyFile().toString());
        env.put("SELLAVIE_CONVERSATION_KEYSET_FILE", secrets.conversationKeysetFile().toString());
        env.put("SELLAVIE_COMMERCE_KEYSET_FILE", secrets.commerceKeysetFile().toString());
        env.put("SELLAVIE_IDENTITY_KEYSET_FILE", secrets.identityKeysetFile().toString());
        // ai-service encrypts businesses' own provider keys with it (a JSON keyset).
        env.put("SELLAVIE_AI_KEYSET", secrets.aiKeyset());
        // Opens each service's /internal/** to the others (never routed by the gateway).
        env.put("SELLAVIE_INTERNAL_TOKEN", secrets.internalToken());
        env.put("SELLAVIE_COMMERCE_URL", "http://localhost:8085");
        // Webhook URLs shown to merchants (payment settings) start with it.
        env.put("SELLAVIE_PUBLIC_BASE_URL", GATEWAY_URL);
        env.put("SELLAVIE_CONSOLE_DIR", installation.repositoryRoot().resolve("web").resolve("dist").toString());
        return env;
    }

    /**
     * The Redis key prefixes of the counters identity and the gateway keep (sign-up and reset emails per client and
     * recipient; request buckets per business and client), in the stack's own namespace. A bench run's overrides
     * replace them with its run's own.
     */
    static Map<String, String> counterKeyPrefixes(String namespace) {
        return Map.of(
                "SELLAVIE_EMAIL_THROTTLE_KEYPREFIX", "sellavie:" + namespace + ":account-email:",
                "SELLAVIE_GATEWAY_RATELIMIT_KEYPREFIX", "sellavie:" + namespace + ":ratelimit");
    }

    private String redisUrl() {
        String url = environment.get("SELLAVIE_REDIS_URL");
        return url == null || url.isBlank() ? RedisCheck.DEFAULT_URL : url;
    }

    private void printReady(long begun, LocalSecrets secrets) {
        console.info("");
        console.info("Sellavie is ready in {}: open http://localhost:8080", Elapsed.since(begun));
        console.info("  demo owner login: {} / {}   (password kept in {})", DemoBusiness.OWNER_EMAIL,
                secrets.demoOwnerPassword(), secrets.folder().resolve("demo-owner.password"));
        console.info("  send a signed sample DM: ./sellavie demo-dm \"Is the linen shirt available?\"");
        console.info("  buy something:           ./sellavie demo-dm \"I'd like 2 linen shirts\"  (the link opens the"
                + " sandbox Pay / Decline page)");
        console.info("  on Messenger / WhatsApp: ./sellavie demo-dm --channel messenger \"Do you ship abroad?\""
                + "  (or --channel whatsapp)");
        console.info("  dead letters and unroutable DMs: ./sellavie dlt list, ./sellavie unroutable list");
        if (mailCatcher != null) {
            console.info("  mail sent (verification, invitations, alerts): {}   (JSON: {}/api/mailboxes)",
                    mailCatcher.webUrl(), mailCatcher.webUrl());
        }
        console.info("  logs: {}   stop: Ctrl-C", data.logs());
    }

    List<PortConflicts.WantedPort> wantedPorts() {
        List<PortConflicts.WantedPort> wanted = new ArrayList<>();
        if (isUnset("SELLAVIE_DB_URL")) {
            wanted.add(new PortConflicts.WantedPort(ports.postgres(), "the embedded PostgreSQL",
                    "set SELLAVIE_DB_URL to use another PostgreSQL server"));
        }
        if (isUnset("SELLAVIE_KAFKA_BOOTSTRAP")) {
            String avoid = "set SELLAVIE_KAFKA_BOOTSTRAP to use another Kafka broker";
            wanted.add(new PortConflicts.WantedPort(ports.kafka(), "the Kafka broker", avoid));
            wanted.add(new PortConflicts.WantedPort(ports.kafkaController(), "the Kafka broker's controller", avoid));
        }
        if (isUnset("SELLAVIE_SCHEMA_REGISTRY_URL")) {
            String avoid = "set SELLAVIE_SCHEMA_REGISTRY_URL to use another registry";
            wanted.add(new PortConflicts.WantedPort(ports.registry(), "the schema registry", avoid));
            wanted.add(new PortConflicts.WantedPort(ports.registryManagement(), "the schema registry's management",
                    avoid));
        }
        if (isUnset("SELLAVIE_META_GRAPH_URL")) {
            wanted.add(new PortConflicts.WantedPort(ports.sandbox(), "the sandbox Graph API",
                    "set SELLAVIE_META_GRAPH_URL to a Graph API base URL"));
        }
        if (isUnset("SELLAVIE_STRIPE_URL")) {
            wanted.add(new PortConflicts.WantedPort(ports.sandboxPayments(), "the sandbox payment provider",
                    "set SELLAVIE_STRIPE_URL to a Stripe API base URL"));
        }
        if (isUnset("SELLAVIE_SMTP_HOST")) {
            String avoid = "set SELLAVIE_SMTP_HOST (and SELLAVIE_SMTP_PORT) to use another SMTP server";
            wanted.add(new PortConflicts.WantedPort(LocalMailCatcher.SMTP_PORT, "the mail catcher's SMTP", avoid));
            wanted.add(new PortConflicts.WantedPort(LocalMailCatcher.HTTP_PORT, "the mail catcher's web page", avoid));
        }
        List<SellavieService> instances = new ArrayList<>();
        instances.add(SellavieService.IDENTITY);
        instances.addAll(replicas.instancesOf(SellavieService.BEHIND_IDENTITY));
        instances.add(SellavieService.GATEWAY);
        for (SellavieService service : instances) {
            wanted.add(new PortConflicts.WantedPort(service.port(), "the " + service.name() + " service",
                    "stop an older stack still running (the service ports are fixed)"));
        }
        wanted.add(new PortConflicts.WantedPort(SellavieService.GATEWAY_MANAGEMENT_PORT, "the gateway's management"
                + " (/actuator, loopback only)", "stop an older stack still running (the service ports are fixed)"));
        return wanted;
    }

    private boolean isUnset(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank();
    }

    /** Gateway and services first, then registry, Kafka, PostgreSQL; each waited for. */
    private void stopAll(StackLock lock) {
        console.info("Stopping Sellavie…");
        try {
            if (services != null) {
                services.close();
            }
            if (infrastructure != null) {
                console.info("  stopping schema registry, kafka, postgresql");
                infrastructure.close();
            }
            if (sandbox != null) {
                sandbox.close();
            }
            if (sandboxPayments != null) {
                sandboxPayments.close();
            }
            if (mailCatcher != null) {
                mailCatcher.close();
            }
        } finally {
            lock.close();
            stopped.countDown();
            console.info("Sellavie stopped.");
        }
    }
}
