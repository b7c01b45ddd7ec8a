package com.sellavie.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of {@code ./sellavie}: {@code up}, {@code bench}, {@code train}, {@code status}, {@code demo-dm [--channel c] "text"}, {@code reset},
 * the operator commands {@code dlt} and {@code unroutable}, {@code help} ({@code logs} and {@code test} are the
 * script's own).
 */
public final class LocalStackCommand {

    private static final Logger console = LoggerFactory.getLogger("sellavie");

    private LocalStackCommand() {
    }

    public static void main(String[] args) {
        int status = run(args, System.getenv());
        // Non-daemon threads (HTTP clients, the sandbox server) must not keep the JVM alive.
        System.exit(status);
    }

    static int run(String[] args, Map<String, String> environment) {
        Installation installation = Installation.locate();
        DataFolder data = DataFolder.of(installation.repositoryRoot(), environment.get("SELLAVIE_HOME"));
        String command = args.length == 0 ? "help" : args[0];
        return switch (command) {
            case "up" -> up(installation, data, environment, List.of(args).subList(1, args.length));
            case "bench" -> BenchCommand.run(installation, environment, List.of(args).subList(1, args.length));
            case "train" -> BenchCommand.train(installation, environment, List.of(args).subList(1, args.length));
            case "demo-dm" -> demoDm(data, environment, List.of(args).subList(1, args.length));
            case "reset" -> {
                if (args.length > 1) {
                    // A typo like `reset --dry-run` must not wipe the data folder.
                    console.error("reset takes no options; it deletes {}.", data.root());
                    yield 2;
                }
                yield reset(data);
            }
            case "dlt", "relay-dlt", "unroutable" -> ops(data, environment, command, List.of(args).subList(1, args.length));
            case "status" -> status(data);
            case "help", "-h", "--help" -> help();
            default -> {
                console.error("Unknown command '{}'. Run ./sellavie help.", command);
                yield 2;
            }
        };
    }

    /** {@code up [--replicas name=count,...]}. */
    private static int up(Installation installation, DataFolder data, Map<String, String> environment,
            List<String> args) {
        Replicas replicas = Replicas.NONE;
        try {
            if (args.size() == 2 && args.get(0).equals("--replicas")) {
                replicas = Replicas.parse(args.get(1));
            } else if (args.size() == 1 && args.get(0).startsWith("--replicas=")) {
                replicas = Replicas.parse(args.get(0).substring("--replicas=".length()));
            } else if (!args.isEmpty()) {
                throw new IllegalArgumentException("unknown options " + args);
            }
        } catch (IllegalArgumentException e) {
            console.error("{}. Usage: ./sellavie up [--replicas conversation=3,ai=2]", e.getMessage());
            return 2;
        }
        return new LocalStack(installation, data, environment, replicas).up();
    }

    private static int demoDm(DataFolder data, Map<String, String> environment, List<String> args) {
        DemoDirectMessage.Request request;
        try {
            request = DemoDirectMessage.parse(args);
        } catch (IllegalArgumentException e) {
            console.error("{}. Usage: ./sellavie demo-dm [--channel {}] [--comment] \"text\"", e.getMessage(),
                    DemoDirectMessage.Channel.optionNames());
            return 2;
        }
        LocalSecrets secrets = new LocalSecrets(data.secrets(), environment);
        if (!Files.exists(data.demoState()) && environment.get("SELLAVIE_META_APP_SECRET") == null) {
            console.error("No demo business yet in {}: run ./sellavie up first (it seeds one).", data.root());
            return 1;
        }
        String url = Optional.ofNullable(environment.get("SELLAVIE_GATEWAY_URL")).orElse(LocalStack.GATEWAY_URL)
                + "/webhooks/meta";
        DemoDirectMessage.Channel channel = request.channel();
        DemoDirectMessage.SignedWebhook webhook = request.comment()
                ? DemoDirectMessage.signedComment(secrets.metaAppSecret(), channel, request.text(),
                        System.currentTimeMillis())
                : DemoDirectMessage.signed(secrets.metaAppSecret(), channel, request.text(),
                        System.currentTimeMillis());
        try {
            int status = DemoDirectMessage.post(url, webhook);
            console.info("POST {} -> HTTP {}", url, status);
            if (status == 200) {
                console.info("Sent on {} as customer {} to the demo business's {}.", channel.optionName(),
                        channel.customer(), channel.business());
                console.info("The reply shows in the inbox at http://localhost:8080 (the {} conversation) and as a"
                        + " \"channel\":\"{}\" line in {}", channel.optionName(), channel.name(),
                        data.sandbox().resolve("outbound.jsonl"));
                return 0;
            }
            console.error("The webhook was refused; see {}", data.logs().resolve("ingest.log"));
            return 1;
        } catch (IOException e) {
            console.error("Could not reach {} ({}): is ./sellavie up running?", url, e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** The operator commands, against the running local stack only. */
    private static int ops(DataFolder data, Map<String, String> environment, String command, List<String> args) {
        if (!isRunning(data)) {
            console.error("Sellavie is not running on {}: start it with ./sellavie up (in another terminal), then"
                    + " retry ./sellavie {}.", data.root(), command);
            return 1;
        }
        String token = new LocalSecrets(data.secrets(), environment).opsToken();
        return new OpsCommand(OpsCommand.localServices(), "ingest", token, console::info, console::error)
                .run(command, args);
    }

    private static int status(DataFolder data) {
        if (!isRunning(data)) {
            console.error("Sellavie is not running on {}: start it with ./sellavie up.", data.root());
            return 1;
        }
        Optional<RunState> state = RunState.readFrom(data.runState());
        if (state.isEmpty()) {
            console.error("Sellavie is starting on {}: its services are not started yet; retry in a moment.",
                    data.root());
            return 1;
        }
        new StackStatus(console::info).print(state.get(), Instant.now());
        return 0;
    }

    /** Whether a stack holds the data folder's lock (a crashed one does not: the lock dies with it). */
    static boolean isRunning(DataFolder data) {
        if (!Files.exists(data.lockFile())) {
            return false;
        }
        Optional<StackLock> lock = StackLock.tryAcquire(data.lockFile());
        lock.ifPresent(StackLock::close);
        return lock.isEmpty();
    }

    private static int reset(DataFolder data) {
        if (!Files.exists(data.root())) {
            console.info("Nothing to reset: {} does not exist.", data.root());
            return 0;
        }
        Optional<StackLock> lock = StackLock.tryAcquire(data.lockFile());
        if (lock.isEmpty()) {
            console.error("Sellavie is running on {} (pid {}): stop it with Ctrl-C first, then reset.", data.root(),
                    StackLock.holder(data.lockFile()));
            return 1;
        }
        lock.get().close();
        try (Stream<Path> files = Files.walk(data.root())) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            console.error("Could not delete {}: {}", data.root(), e.getMessage());
            return 1;
        }
        console.info("Deleted {}: the next ./sellavie up starts from scratch (new secrets, new demo business).",
                data.root());
        return 0;
    }

    private static int help() {
        console.info("""
                Usage: ./sellavie <command>
                  up [--replicas conversation=3,ai=2]
                                     build what is missing, start PostgreSQL, Kafka, the schema registry and every
                                     service, seed a demo business; Ctrl-C stops everything; --replicas runs several
                                     instances of ingest, conversation, ai, commerce or notification (port + 100 x i),
                                     balanced by the gateway, one relay leading
                  demo-dm [--channel instagram|messenger|whatsapp] [--comment] "text"
                                     post a signed DM (webhook) from a demo customer to the demo business on that
                                     channel (default instagram); the reply lands in .sellavie/sandbox/outbound.jsonl;
                                     --comment: a comment on a post instead (answered privately when Settings →
                                     Comments says so)
                  bench [--rate 100] [--seconds 300] [--warmup 30] [--shops 20] [--replicas conversation=2] [--drain 30]
                        [--find-max [--step 50] [--step-seconds 60]]
                                     load test of the whole pipeline on a fresh stack of its own (.sellavie-bench/):
                                     open-loop signed DMs to shops on Instagram, Messenger and WhatsApp, latency from
                                     each DM's due time to the sandbox Send API; --find-max climbs the rate in steps
                                     and reports the highest with p99 <= 1 s; report in .sellavie-bench/reports/
                  train [bench's options; default --rate 8 --seconds 120 --warmup 0]
                                     the bench's stack and load with every service recording its AOT cache from the
                                     DMs it handles; later benches start with those caches (.sellavie-bench/jvm/).
                                     For ./sellavie up: SELLAVIE_AOT_CACHE=record ./sellavie up records from what you
                                     do until Ctrl-C
                  status             each service process (pid, up for, restarts, health), the relay leader of each
                                     service and the consumer lag of each group
                  logs <service>     follow a service's log (identity, ingest, conversation, ai, commerce,
                                     notification, gateway, kafka, registry), across its restarts
                  test               run every test exactly as CI does (.ci/run: console build and tests, browser,
                                     ./mvnw -B verify)
                  reset              delete the data folder (refused while the stack runs)
                  dlt list [<topic>]                      dead letters of every consumed topic, or one topic's records
                  dlt replay <topic> [--since <instant>]  replay a topic's dead letters (only those since an ISO instant)
                  relay-dlt list                          outbox events Kafka refused for good, per service
                  relay-dlt replay <service> [--id <id>]  put them (or one) back into the service's outbox
                  unroutable list                         DMs kept for channels not connected yet (no text shown)
                  unroutable replay [--id <id>]           replay kept DMs whose channel is known now (or one of them)
                  help               this text
                Data folder: .sellavie/ at the repository root (SELLAVIE_HOME overrides). External infrastructure:
                SELLAVIE_DB_URL, SELLAVIE_KAFKA_BOOTSTRAP, SELLAVIE_SCHEMA_REGISTRY_URL, SELLAVIE_META_GRAPH_URL.
                More: infra/local/README.md""");
        return 0;
    }
}
