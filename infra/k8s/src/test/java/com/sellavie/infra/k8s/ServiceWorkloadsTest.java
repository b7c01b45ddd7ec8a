package com.sellavie.infra.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each overlay runs every service the way an operator needs: health-checked, sized, non-root, reachable by
 * its Service, protected by a disruption budget and scaled by exactly one autoscaler, from the image
 * build-images.sh builds.
 */
class ServiceWorkloadsTest {

    private static final BuiltImages IMAGES = BuiltImages.read();

    static List<Path> overlays() {
        return RenderedManifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceRunsTheImageBuildImagesBuildsOnItsPorts(Path overlay) {
        RenderedManifests rendered = RenderedManifests.of(overlay);

        assertThat(IMAGES.services().keySet()).containsExactlyInAnyOrderElementsOf(RenderedManifests.SERVICES);
        for (String service : RenderedManifests.SERVICES) {
            Container container = container(rendered.deployment(service));
            BuiltImages.Ports ports = IMAGES.services().get(service);

            assertThat(container.getImage()).as("%s %s image", rendered.name(), service).isEqualTo(IMAGES.image(service));
            assertThat(port(container, "http")).as("%s %s http port", rendered.name(), service).isEqualTo(ports.http());
            for (Probe probe : List.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())) {
                assertThat(probe).as("%s %s: startup, liveness and readiness probes", rendered.name(), service).isNotNull();
                assertThat(resolve(container, probe.getHttpGet().getPort()))
                        .as("%s %s probes on the health port", rendered.name(), service).isEqualTo(ports.health());
            }
            assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
            // A start-up measured at up to 9 minutes must not be killed by the liveness probe.
            Probe startup = container.getStartupProbe();
            assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold())
                    .as("%s %s start-up allowance in seconds", rendered.name(), service).isGreaterThanOrEqualTo(540);
        }
    }

    @Test
    void everyImageOfTheOverlaysAndExamplesIsOneBuildImagesTags() {
        List<RenderedManifests> all = new ArrayList<>(overlays().stream().map(RenderedManifests::of).toList());
        all.add(RenderedManifests.examples());

        for (RenderedManifests rendered : all) {
            Stream.of(rendered.all(Deployment.class).stream().map(d -> d.getSpec().getTemplate().getSpec()),
                            rendered.all(StatefulSet.class).stream().map(d -> d.getSpec().getTemplate().getSpec()),
                            rendered.all(Job.class).stream().map(d -> d.getSpec().getTemplate().getSpec()))
                    .flatMap(pods -> pods)
                    .flatMap(pod -> pod.getContainers().stream())
                    .forEach(container -> assertThat(IMAGES.tags()).as("%s: %s's image", rendered.name(), container.getName())
                            .contains(container.getImage()));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceHasRequestsAndAMemoryLimitAboveTheDefinedFootprint(Path overlay) throws java.io.IOException {
        RenderedManifests rendered = RenderedManifests.of(overlay);
        Map<String, String> config = rendered.configMap(configMapOf(rendered.deployment("gateway"))).getData();

        for (String service : RenderedManifests.SERVICES) {
            Map<String, Quantity> requests = container(rendered.deployment(service)).getResources().getRequests();
            Map<String, Quantity> limits = container(rendered.deployment(service)).getResources().getLimits();

            assertThat(requests).as("%s %s requests", rendered.name(), service).containsKeys("cpu", "memory");
            assertThat(limits).as("%s %s limits", rendered.name(), service).containsKey("memory");
            assertThat(Quantity.getAmountInBytes(requests.get("memory")))
                    .as("%s %s: memory request = limit (no eviction for memory the heap was promised)", rendered.name(), service)
                    .isEqualTo(Quantity.getAmountInBytes(limits.get("memory")));
            assertThat(Quantity.getAmountInBytes(limits.get("memory")).longValue())
                    .as("%s %s: the limit holds the footprint measured with infra/jvm/service.jvmopts (up to 521 MB RSS "
                            + "under load, docs/benchmarks.md \"Footprint\") with headroom", rendered.name(), service)
                    .isGreaterThanOrEqualTo(576L * 1024 * 1024);
        }
        // The image runs java @/app/service.jvmopts $JAVA_OPTS: JAVA_OPTS only adds, it must not undo C2.
        assertThat(config.get("JAVA_OPTS")).as("%s: JAVA_OPTS", rendered.name()).doesNotContain("TieredStopAtLevel");
        assertThat(java.nio.file.Files.readAllLines(Path.of("..", "jvm", "service.jvmopts")).stream()
                .map(line -> line.replaceAll("#.*", "")).toList())
                .as("the production JVM settings the image carries (comments aside)").anyMatch(flag -> flag.startsWith("-Xmx")).noneMatch(flag -> flag.contains("TieredStopAtLevel"));
        assertThat(config).as("%s: glibc arenas as infra/jvm/service.env says", rendered.name())
                .containsEntry("MALLOC_ARENA_MAX", "2");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceRunsAsNonRootOnAReadOnlyFilesystemWithoutAnApiToken(Path overlay) {
        RenderedManifests rendered = RenderedManifests.of(overlay);

        for (String service : RenderedManifests.SERVICES) {
            Deployment deployment = rendered.deployment(service);
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container container = container(deployment);

            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as("%s %s runAsNonRoot", rendered.name(), service).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as("the image's user (infra/images/service)").isEqualTo(10001L);
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as("%s %s read-only root", rendered.name(), service).isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(container.getVolumeMounts()).as("%s %s: a writable /tmp for the JVM", rendered.name(), service)
                    .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
            assertThat(pod.getServiceAccountName()).isEqualTo(service);
            assertThat(pod.getAutomountServiceAccountToken()).as("%s %s automount on the pod", rendered.name(), service).isFalse();
            assertThat(rendered.one(ServiceAccount.class, service).getAutomountServiceAccountToken())
                    .as("%s %s automount on the ServiceAccount", rendered.name(), service).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceHasAServiceADisruptionBudgetAndOneAutoscaler(Path overlay) {
        RenderedManifests rendered = RenderedManifests.of(overlay);

        for (String service : RenderedManifests.SERVICES) {
            Deployment deployment = rendered.deployment(service);
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            Container container = container(deployment);

            Service k8sService = rendered.service(service);
            assertThat(k8sService.getSpec().getType()).as("%s %s Service type", rendered.name(), service).isEqualTo("ClusterIP");
            assertThat(podLabels).as("%s %s Service selects its pods", rendered.name(), service)
                    .containsAllEntriesOf(k8sService.getSpec().getSelector());
            assertThat(k8sService.getSpec().getPorts()).singleElement().satisfies(port -> {
                assertThat(port.getPort()).as("%s: the port the other services' URLs name", service)
                        .isEqualTo(IMAGES.services().get(service).http());
                assertThat(resolve(container, port.getTargetPort())).isEqualTo(port(container, "http"));
            });

            PodDisruptionBudget pdb = rendered.one(PodDisruptionBudget.class, service);
            assertThat(podLabels).as("%s %s PDB selects its pods", rendered.name(), service)
                    .containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
            assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).as("a drain never blocks at one replica").isEqualTo(1);

            List<HorizontalPodAutoscaler> hpas = rendered.all(HorizontalPodAutoscaler.class).stream()
                    .filter(hpa -> hpa.getSpec().getScaleTargetRef().getName().equals(service)).toList();
            List<GenericKubernetesResource> scaledObjects = rendered.custom("ScaledObject").stream()
                    .filter(so -> service.equals(scaleTarget(so))).toList();
            assertThat(hpas.size() + scaledObjects.size())
                    .as("%s %s: exactly one autoscaler (two would fight over the replicas)", rendered.name(), service).isEqualTo(1);
            hpas.forEach(hpa -> {
                assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
                assertThat(hpa.getSpec().getMetrics()).anySatisfy(metric ->
                        assertThat(metric.getResource().getName()).isEqualTo("cpu"));
                assertThat(hpa.getSpec().getMinReplicas()).isPositive().isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
                assertThat(hpa.getSpec().getMaxReplicas()).as("12 partitions per topic are the ceiling").isLessThanOrEqualTo(12);
                assertThat(deployment.getSpec().getReplicas()).as("%s %s: an apply resets replicas to the autoscaler's floor",
                        rendered.name(), service).isEqualTo(hpa.getSpec().getMinReplicas());
            });
            scaledObjects.forEach(scaledObject -> assertThat(scaledObject.getAdditionalProperties().get("spec"))
                    .as("%s %s: an apply resets replicas to KEDA's floor", rendered.name(), service)
                    .extracting("minReplicaCount").isEqualTo(deployment.getSpec().getReplicas()));
        }
    }

    static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).as(deployment.getMetadata().getName() + " containers").hasSize(1);
        return containers.getFirst();
    }

    static String configMapOf(Deployment deployment) {
        return container(deployment).getEnvFrom().stream()
                .filter(source -> source.getConfigMapRef() != null)
                .map(source -> source.getConfigMapRef().getName())
                .findFirst().orElseThrow(() -> new AssertionError(deployment.getMetadata().getName() + " reads no ConfigMap"));
    }

    @SuppressWarnings("unchecked")
    static String scaleTarget(GenericKubernetesResource scaledObject) {
        Map<String, Object> spec = (Map<String, Object>) scaledObject.getAdditionalProperties().get("spec");
        return (String) ((Map<String, Object>) spec.get("scaleTargetRef")).get("name");
    }

    private static int port(Container container, String name) {
        return container.getPorts().stream().filter(p -> name.equals(p.getName())).map(ContainerPort::getContainerPort)
                .findFirst().orElseThrow(() -> new AssertionError(container.getName() + " has no port named " + name));
    }

    private static int resolve(Container container, IntOrString port) {
        return port.getIntVal() != null ? port.getIntVal() : port(container, port.getStrVal());
    }
}
