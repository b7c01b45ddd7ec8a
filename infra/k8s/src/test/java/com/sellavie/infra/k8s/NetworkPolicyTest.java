package com.sellavie.infra.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may talk to whom: everything denied by default, only the gateway reachable from outside the
 * namespace (the ingress controller), webhooks into ingest only through the gateway, and the services'
 * way out to PostgreSQL, Kafka, Redis, the registry and the OpenTelemetry collector.
 */
class NetworkPolicyTest {

    private static final String NAME = "app.kubernetes.io/name";
    private static final Set<Integer> OTLP_PORTS = Set.of(4317, 4318);

    static List<Path> overlays() {
        return RenderedManifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everythingIsDeniedUnlessAllowed(Path overlay) {
        RenderedManifests rendered = RenderedManifests.of(overlay);

        assertThat(rendered.all(NetworkPolicy.class)).as("%s: a default-deny policy", rendered.name()).anySatisfy(policy -> {
            assertThat(isEmpty(policy.getSpec().getPodSelector())).as("selects every pod").isTrue();
            assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
            assertThat(policy.getSpec().getEgress()).isNullOrEmpty();
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheGatewayIsReachableFromOutsideTheNamespaceAndOnlyOnItsPublicPort(Path overlay) {
        RenderedManifests rendered = RenderedManifests.of(overlay);

        for (NetworkPolicy policy : rendered.all(NetworkPolicy.class)) {
            for (NetworkPolicyIngressRule rule : nullToEmpty(policy.getSpec().getIngress())) {
                boolean fromOutside = rule.getFrom() == null || rule.getFrom().isEmpty()
                        || rule.getFrom().stream().anyMatch(peer -> peer.getNamespaceSelector() != null || peer.getIpBlock() != null);
                if (fromOutside) {
                    assertThat(policy.getSpec().getPodSelector().getMatchLabels())
                            .as("%s: %s admits traffic from outside the namespace", rendered.name(), policy.getMetadata().getName())
                            .isEqualTo(Map.of(NAME, "gateway"));
                    assertThat(rule.getPorts()).as("the gateway's public port only, never its management port")
                            .extracting(port -> port.getPort().getIntVal()).containsExactly(8080);
                }
            }
        }
        for (String service : RenderedManifests.SERVICES) {
            boolean reachableFromOutside = policiesSelecting(rendered, service).stream()
                    .flatMap(policy -> nullToEmpty(policy.getSpec().getIngress()).stream())
                    .flatMap(rule -> nullToEmpty(rule.getFrom()).stream())
                    .anyMatch(peer -> peer.getNamespaceSelector() != null || peer.getIpBlock() != null);
            assertThat(reachableFromOutside).as("%s: %s reachable from outside", rendered.name(), service)
                    .isEqualTo(service.equals("gateway"));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void webhooksReachIngestOnlyThroughTheGateway(Path overlay) {
        RenderedManifests rendered = RenderedManifests.of(overlay);

        // identity-service collects each service's part of a privacy export (/internal/privacy/exports).
        assertThat(callersOf(rendered, "webhook-ingest-service")).containsExactlyInAnyOrder("gateway", "identity-service");
        assertThat(callersOf(rendered, "commerce-service"))
                .containsExactlyInAnyOrder("gateway", "identity-service", "webhook-ingest-service", "ai-service");
        assertThat(callersOf(rendered, "identity-service")).contains("gateway", "notification-service");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theServicesReachTheirDatabaseKafkaRedisAndRegistry(Path overlay) {
        RenderedManifests rendered = RenderedManifests.of(overlay);

        for (String service : RenderedManifests.SERVICES) {
            Set<Integer> ports = new HashSet<>();
            for (NetworkPolicy policy : policiesSelecting(rendered, service)) {
                nullToEmpty(policy.getSpec().getEgress()).forEach(rule -> nullToEmpty(rule.getPorts()).stream()
                        .map(NetworkPolicyPort::getPort).filter(Objects::nonNull).map(IntOrString::getIntVal).forEach(ports::add));
            }
            assertThat(ports).as("%s: %s egress ports", rendered.name(), service).contains(53, 6379);
            if (!service.equals("gateway")) {
                assertThat(ports).as("%s: %s to PostgreSQL, Kafka and the registry", rendered.name(), service).contains(5432, 9092, 8080);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceExportsTracesToTheCollectorInTheObservabilityNamespaceOnly(Path overlay) {
        RenderedManifests rendered = RenderedManifests.of(overlay);

        for (String service : RenderedManifests.SERVICES) {
            List<NetworkPolicyEgressRule> otlpRules = policiesSelecting(rendered, service).stream()
                    .flatMap(policy -> nullToEmpty(policy.getSpec().getEgress()).stream())
                    .filter(rule -> ports(rule).stream().anyMatch(OTLP_PORTS::contains))
                    .toList();
            assertThat(otlpRules).as("%s: %s egress rules to OTLP ports", rendered.name(), service).singleElement()
                    .satisfies(rule -> {
                        assertThat(ports(rule)).as("gRPC 4317 and HTTP 4318, nothing else").containsExactlyInAnyOrderElementsOf(OTLP_PORTS);
                        assertThat(rule.getPorts()).allSatisfy(port -> assertThat(port.getProtocol()).isEqualTo("TCP"));
                        assertThat(rule.getTo()).as("to the collector's pods in its namespace, not anywhere").singleElement()
                                .satisfies(peer -> {
                                    assertThat(peer.getIpBlock()).isNull();
                                    assertThat(peer.getNamespaceSelector().getMatchLabels())
                                            .isEqualTo(Map.of("kubernetes.io/metadata.name", "observability"));
                                    assertThat(peer.getPodSelector().getMatchLabels())
                                            .isEqualTo(Map.of(NAME, "opentelemetry-collector"));
                                });
                    });
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theIngressLeadsToTheGatewayAloneAndNoServiceIsExposedOtherwise(Path overlay) {
        RenderedManifests rendered = RenderedManifests.of(overlay);

        assertThat(rendered.all(Ingress.class)).as("%s ingresses", rendered.name()).isNotEmpty().allSatisfy(ingress ->
                assertThat(ingress.getSpec().getRules()).flatMap(rule -> rule.getHttp().getPaths())
                        .allSatisfy(path -> assertThat(path.getBackend().getService().getName()).isEqualTo("gateway")));
        assertThat(rendered.all(Service.class)).allSatisfy(service ->
                assertThat(service.getSpec().getType()).as(service.getMetadata().getName()).isEqualTo("ClusterIP"));
    }

    private static List<Integer> ports(NetworkPolicyEgressRule rule) {
        return nullToEmpty(rule.getPorts()).stream().map(NetworkPolicyPort::getPort).filter(Objects::nonNull)
                .map(IntOrString::getIntVal).toList();
    }

    /** The services whose pods the policies selecting {@code service} admit (by their name label). */
    private static Set<String> callersOf(RenderedManifests rendered, String service) {
        Set<String> callers = new HashSet<>();
        for (NetworkPolicy policy : policiesSelecting(rendered, service)) {
            for (NetworkPolicyIngressRule rule : nullToEmpty(policy.getSpec().getIngress())) {
                assertThat(rule.getFrom()).as("%s admits everyone", policy.getMetadata().getName()).isNotEmpty();
                for (NetworkPolicyPeer peer : rule.getFrom()) {
                    assertThat(peer.getNamespaceSelector()).as("%s: peers of this namespace only", service).isNull();
                    assertThat(peer.getIpBlock()).isNull();
                    callers.add(peer.getPodSelector().getMatchLabels().get(NAME));
                }
            }
        }
        return callers;
    }

    private static List<NetworkPolicy> policiesSelecting(RenderedManifests rendered, String service) {
        Map<String, String> labels = rendered.deployment(service).getSpec().getTemplate().getMetadata().getLabels();
        return rendered.all(NetworkPolicy.class).stream().filter(policy -> matches(policy.getSpec().getPodSelector(), labels)).toList();
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchLabels() != null
                && !selector.getMatchLabels().entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))) {
            return false;
        }
        for (LabelSelectorRequirement requirement : nullToEmpty(selector.getMatchExpressions())) {
            String value = labels.get(requirement.getKey());
            boolean ok = switch (requirement.getOperator()) {
                case "In" -> value != null && requirement.getValues().contains(value);
                case "NotIn" -> value == null || !requirement.getValues().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("unknown selector operator " + requirement.getOperator());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEmpty(LabelSelector selector) {
        return (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
