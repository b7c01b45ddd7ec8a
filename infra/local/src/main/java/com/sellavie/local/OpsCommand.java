package com.sellavie.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code ./sellavie dlt list|replay}, {@code ./sellavie relay-dlt list|replay} and
 * {@code ./sellavie unroutable list|replay}: the operator
 * endpoints ({@code /ops/**}) of the running local stack, called on each service's own port with
 * the stack's operator token. Prints plain lines; returns an exit code (0 done, 1 failed, 2 usage).
 */
final class OpsCommand {

    static final String USAGE = "Usage: ./sellavie dlt list [<topic>] | dlt replay <topic> [--since <ISO instant>]"
            + " | relay-dlt list | relay-dlt replay <service> [--id <id>] | unroutable list | unroutable replay [--id <id>]";
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,18}");
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> services;
    private final String ingest;
    private final String token;
    private final Consumer<String> out;
    private final Consumer<String> err;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /**
     * @param services base URL of each service that may own dead letters, by name (e.g. ingest -> http://localhost:8082)
     * @param ingest   the name among them of webhook-ingest-service (unroutable DMs)
     */
    OpsCommand(Map<String, String> services, String ingest, String token, Consumer<String> out, Consumer<String> err) {
        this.services = services;
        this.ingest = ingest;
        this.token = token;
        this.out = out;
        this.err = err;
    }

    /** The local stack's services, on their fixed ports. */
    static Map<String, String> localServices() {
        Map<String, String> urls = new LinkedHashMap<>();
        for (SellavieService service : SellavieService.all()) {
            if (service.database() != null) {
                urls.put(service.name(), "http://localhost:" + service.port());
            }
        }
        return urls;
    }

    int run(String command, List<String> args) {
        try {
            return switch (command + " " + (args.isEmpty() ? "" : args.getFirst())) {
                case "dlt list" -> args.size() == 1 ? listDeadLetterTopics()
                        : args.size() == 2 ? listDeadLetters(topic(args.get(1))) : usage();
                case "dlt replay" -> replayDeadLetters(args);
                case "relay-dlt list" -> args.size() == 1 ? listRelayDeadLetters() : usage();
                case "relay-dlt replay" -> replayRelayDeadLetters(args);
                case "unroutable list" -> args.size() == 1 ? listUnroutable() : usage();
                case "unroutable replay" -> replayUnroutable(args);
                default -> usage();
            };
        } catch (UsageException e) {
            err.accept(e.getMessage());
            return 2;
        } catch (OpsException e) {
            err.accept(e.getMessage());
            return 1;
        }
    }

    private int listDeadLetterTopics() {
        Map<String, JsonNode> byTopic = new TreeMap<>();
        Map<String, TreeSet<String>> consumers = new TreeMap<>();
        for (String service : services.keySet()) {
            Answer answer = call(service, "GET", "/ops/dead-letters");
            if (answer.status() == 404) {
                continue; // no Kafka listeners or no operator endpoints on this service
            }
            for (JsonNode topic : expect(service, answer).path("deadLetterTopics")) {
                byTopic.putIfAbsent(topic.path("topic").asText(), topic);
                consumers.computeIfAbsent(topic.path("topic").asText(), t -> new TreeSet<>()).add(service);
            }
        }
        if (byTopic.isEmpty()) {
            out.accept("No service consumes any topic.");
            return 0;
        }
        out.accept(String.format("%-36s %9s %9s  %s", "TOPIC (dead letters in <topic>.dlt)", "RECORDS", "PENDING",
                "CONSUMED BY"));
        byTopic.forEach((topic, node) -> out.accept(String.format("%-36s %9d %9d  %s", topic,
                node.path("records").asLong(), node.path("pending").asLong(), String.join(", ", consumers.get(topic)))));
        out.accept("PENDING = not replayed yet. Details: ./sellavie dlt list <topic>; replay: ./sellavie dlt replay <topic>");
        return 0;
    }

    private int listDeadLetters(String topic) {
        for (String service : services.keySet()) {
            Answer answer = call(service, "GET", "/ops/dead-letters/" + topic);
            if (answer.status() == 404) {
                continue;
            }
            JsonNode listing = expect(service, answer);
            out.accept(String.format("%s: %d records, %d pending (not replayed yet); newest %d shown, oldest first",
                    listing.path("deadLetterTopic").asText(), listing.path("records").asLong(),
                    listing.path("pending").asLong(), listing.path("deadLetters").size()));
            for (JsonNode dead : listing.path("deadLetters")) {
                out.accept(String.format("%s  %d@%d  %s  %s %s  business %s  group %s  %s%s: %s",
                        dead.path("timestamp").asText(), dead.path("partition").asInt(), dead.path("offset").asLong(),
                        dead.path("pending").asBoolean() ? "PENDING " : "replayed",
                        text(dead, "eventType"), text(dead, "eventId"), text(dead, "businessId"),
                        text(dead, "consumerGroup"), text(dead, "causeClass"),
                        dead.hasNonNull("causeClass") ? "" : text(dead, "exceptionClass"),
                        text(dead, "exceptionMessage").replace('\n', ' ')));
            }
            return 0;
        }
        throw new OpsException("No running service consumes " + topic + ": ./sellavie dlt list shows the topics.");
    }

    private int replayDeadLetters(List<String> args) {
        if (args.size() != 2 && !(args.size() == 4 && args.get(2).equals("--since"))) {
            return usage();
        }
        String topic = topic(args.get(1));
        String since = null;
        if (args.size() == 4) {
            try {
                since = Instant.parse(args.get(3)).toString();
            } catch (DateTimeParseException e) {
                throw new UsageException("--since takes an ISO-8601 instant such as 2026-11-30T03:00:00Z, not '"
                        + args.get(3) + "'.");
            }
        }
        String path = "/ops/dead-letters/" + topic + "/replay"
                + (since == null ? "" : "?since=" + URLEncoder.encode(since, StandardCharsets.UTF_8));
        // One owning service replays: the dead-letter topic is per topic, shared by every consumer group.
        for (String service : services.keySet()) {
            Answer answer = call(service, "POST", path);
            if (answer.status() == 404) {
                continue;
            }
            JsonNode replay = expect(service, answer);
            out.accept(String.format("Replayed %d dead letters of %s to %s (by %s)%s.", replay.path("replayed").asInt(),
                    replay.path("deadLetterTopic").asText(), topic, service, since == null ? ""
                            : "; skipped " + replay.path("skipped").asInt() + " dead-lettered before " + since));
            return 0;
        }
        throw new OpsException("No running service consumes " + topic + ": ./sellavie dlt list shows the topics.");
    }

    /** Every service's relay dead letters: outbox events Kafka refused for good. */
    private int listRelayDeadLetters() {
        int total = 0;
        for (String service : services.keySet()) {
            Answer answer = call(service, "GET", "/ops/relay-dead-letters");
            if (answer.status() == 404) {
                continue; // no outbox relay on this service
            }
            for (JsonNode dead : expect(service, answer).path("deadLetters")) {
                if (total++ == 0) {
                    out.accept(String.format("%-13s %6s  %-24s  %-28s %s", "SERVICE", "ID", "FAILED AT", "TOPIC",
                            "EVENT / REASON"));
                }
                out.accept(String.format("%-13s %6d  %-24s  %-28s %s %s (%d bytes): %s", service,
                        dead.path("id").asLong(), dead.path("failedAt").asText(), text(dead, "topic"),
                        text(dead, "eventType"), text(dead, "eventId"), dead.path("payloadBytes").asInt(),
                        text(dead, "reason").replace('\n', ' ')));
            }
        }
        out.accept(total == 0 ? "No relay dead letters: every outbox event reached Kafka."
                : total + " relay dead letters. Fix the cause, then: ./sellavie relay-dlt replay <service> [--id <id>]");
        return 0;
    }

    private int replayRelayDeadLetters(List<String> args) {
        if (args.size() != 2 && !(args.size() == 4 && args.get(2).equals("--id"))) {
            return usage();
        }
        String service = args.get(1);
        if (!services.containsKey(service)) {
            throw new UsageException("'" + service + "' is not a service with an outbox; one of " + services.keySet() + ".");
        }
        if (args.size() == 4 && !NUMBER.matcher(args.get(3)).matches()) {
            throw new UsageException("--id takes a dead letter's number, as ./sellavie relay-dlt list shows it.");
        }
        String path = args.size() == 4 ? "/ops/relay-dead-letters/" + args.get(3) + "/replay" : "/ops/relay-dead-letters/replay";
        JsonNode replay = expect(service, call(service, "POST", path));
        out.accept(String.format("Put %d relay dead letters of %s back into its outbox; %d stay.",
                replay.path("replayed").asInt(), service, replay.path("stayed").asInt()));
        return 0;
    }

    private int listUnroutable() {
        JsonNode listing = expect(ingest, call(ingest, "GET", "/ops/unroutable"));
        out.accept(String.format("%d unroutable DMs kept (each deleted after %s); oldest first:",
                listing.path("total").asLong(), listing.path("retention").asText()));
        for (JsonNode kept : listing.path("messages")) {
            List<String> identifiers = new ArrayList<>();
            identifiers.add("recipient " + kept.path("recipientId").asText());
            if (kept.hasNonNull("displayPhoneNumber")) {
                identifiers.add("number " + kept.path("displayPhoneNumber").asText());
            }
            if (kept.hasNonNull("accountId")) {
                identifiers.add("account " + kept.path("accountId").asText());
            }
            out.accept(String.format("%s  %-9s  %s  received %s (%s ago)", kept.path("id").asText(),
                    kept.path("channelType").asText(), String.join(", ", identifiers), kept.path("receivedAt").asText(),
                    kept.path("age").asText()));
        }
        return 0;
    }

    private int replayUnroutable(List<String> args) {
        String path = "/ops/unroutable/replay";
        if (args.size() == 3 && args.get(1).equals("--id")) {
            if (!UUID_TEXT.matcher(args.get(2)).matches()) {
                throw new UsageException("--id takes the id of a kept DM, as ./sellavie unroutable list shows it.");
            }
            path += "?id=" + args.get(2);
        } else if (args.size() != 1) {
            return usage();
        }
        JsonNode replay = expect(ingest, call(ingest, "POST", path));
        out.accept(String.format("Replayed %d kept DMs; %d still have no channel.", replay.path("replayed").asInt(),
                replay.path("stillUnroutable").asInt()));
        return 0;
    }

    private int usage() {
        throw new UsageException(USAGE);
    }

    private static String topic(String value) {
        if (!TOPIC.matcher(value).matches()) {
            throw new UsageException("'" + value + "' is not a topic name (letters, digits, '.', '_', '-').");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : "-";
    }

    private record Answer(int status, String body) {
    }

    private Answer call(String service, String method, String path) {
        String url = services.get(service) + path;
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new OpsException("Could not reach " + service + " at " + services.get(service) + " ("
                    + e.getClass().getSimpleName() + "): is ./sellavie up running, and did " + service + " start?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsException("Interrupted while calling " + service);
        }
    }

    /** The answer's JSON when it is a 200; otherwise one line saying what went wrong and what to do. */
    private static JsonNode expect(String service, Answer answer) {
        String detail = detailOf(answer.body());
        switch (answer.status()) {
            case 200 -> {
                try {
                    return JSON.readTree(answer.body());
                } catch (IOException e) {
                    throw new OpsException(service + " answered something that is not JSON.");
                }
            }
            case 401 -> throw new OpsException(service + " refused the operator token: it was started with another one"
                    + " (restart ./sellavie up).");
            case 403 -> throw new OpsException(service + " has no operator token configured (SELLAVIE_OPS_TOKEN):"
                    + " restart ./sellavie up.");
            default -> throw new OpsException(service + " answered HTTP " + answer.status()
                    + (detail.isEmpty() ? "" : ": " + detail));
        }
    }

    private static String detailOf(String body) {
        try {
            return JSON.readTree(body).path("detail").asText("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private static final class OpsException extends RuntimeException {
        OpsException(String message) {
            super(message);
        }
    }
}
