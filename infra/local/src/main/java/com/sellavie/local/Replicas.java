package com.sellavie.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code ./sellavie up --replicas conversation=3,ai=2}: how many instances of each service to run. Only the
 * services behind identity scale this way (ingest, conversation, ai, commerce, notification): each replica
 * is its own JVM on the service's port + 100 x its index, the gateway balances HTTP across them
 * ({@code lb://}), their consumer groups split the partitions, and one of them leads the service's relay.
 */
record Replicas(Map<String, Integer> counts) {

    static final Replicas NONE = new Replicas(Map.of());
    static final int MAX = 5;
    /** Replica i of a service listens on its port + PORT_STEP x i. */
    static final int PORT_STEP = 100;

    private static final Set<String> SCALABLE = SellavieService.BEHIND_IDENTITY.stream()
            .map(SellavieService::name).collect(Collectors.toUnmodifiableSet());

    /**
     * Parses {@code name=count[,name=count...]}.
     *
     * @throws IllegalArgumentException with what is wrong, for the usage line
     */
    static Replicas parse(String spec) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("--replicas needs a value such as conversation=3,ai=2");
        }
        for (String part : spec.split(",")) {
            String[] pair = part.trim().split("=", -1);
            if (pair.length != 2 || !SCALABLE.contains(pair[0].trim())) {
                throw new IllegalArgumentException("'" + part.trim() + "' is not <service>=<count> with a service among "
                        + SCALABLE.stream().sorted().toList());
            }
            int count;
            try {
                count = Integer.parseInt(pair[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + pair[1].trim() + "' is not a number of replicas");
            }
            if (count < 1 || count > MAX) {
                throw new IllegalArgumentException("replicas of " + pair[0].trim() + " must be 1 to " + MAX);
            }
            if (counts.put(pair[0].trim(), count) != null) {
                throw new IllegalArgumentException(pair[0].trim() + " is named twice");
            }
        }
        return new Replicas(Map.copyOf(counts));
    }

    int of(SellavieService service) {
        return counts.getOrDefault(service.name(), 1);
    }

    /** Every instance to start for these services: each service, then its replicas (conversation-2, ...). */
    List<SellavieService> instancesOf(List<SellavieService> services) {
        List<SellavieService> instances = new ArrayList<>();
        for (SellavieService service : services) {
            for (int i = 0; i < of(service); i++) {
                instances.add(i == 0 ? service : new SellavieService(service.name() + "-" + (i + 1), service.module(),
                        service.port() + PORT_STEP * i, service.database()));
            }
        }
        return instances;
    }

    /**
     * The gateway's environment for the scaled services: the route's URL becomes {@code lb://<service>} and
     * the instances are listed for Spring Cloud's simple discovery client (as JSON, whose list indexes
     * environment variable names cannot carry unambiguously).
     */
    Map<String, String> gatewayEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, List<Map<String, String>>> instances = new LinkedHashMap<>();
        for (SellavieService service : SellavieService.BEHIND_IDENTITY) {
            if (of(service) < 2) {
                continue;
            }
            env.put(urlVariable(service), "lb://" + service.name());
            instances.put(service.name(), instancesOf(List.of(service)).stream()
                    .map(instance -> Map.of("uri", "http://localhost:" + instance.port())).toList());
        }
        if (!instances.isEmpty()) {
            try {
                env.put("SPRING_APPLICATION_JSON", new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                        Map.of("spring", Map.of("cloud", Map.of("discovery", Map.of("client", Map.of("simple",
                                Map.of("instances", instances))))))));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("A map of strings is always JSON", e);
            }
        }
        return env;
    }

    /** The gateway's variable for a service's URL (its application.yml): SELLAVIE_CONVERSATION_URL, ... */
    static String urlVariable(SellavieService service) {
        return "SELLAVIE_" + service.name().toUpperCase(Locale.ROOT) + "_URL";
    }
}
