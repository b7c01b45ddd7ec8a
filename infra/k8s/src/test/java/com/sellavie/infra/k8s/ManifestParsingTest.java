package com.sellavie.infra.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay and the examples render with kubectl kustomize and every document is valid against the API. */
class ManifestParsingTest {

    static Stream<Path> renderable() {
        return Stream.concat(RenderedManifests.overlays().stream(), Stream.of(Repository.k8s().resolve("examples")));
    }

    @Test
    void theOverlaysOperatorsApplyAreThere() {
        assertThat(RenderedManifests.overlays()).map(dir -> dir.getFileName().toString())
                .contains("dev", "production", "production-keda");
    }

    @ParameterizedTest
    @MethodSource("renderable")
    void rendersAndEveryDocumentParsesStrictly(Path dir) {
        RenderedManifests rendered = RenderedManifests.of(dir);

        assertThat(rendered.resources()).isNotEmpty();
        assertThat(rendered.resources()).allSatisfy(resource -> {
            assertThat(resource.getMetadata().getName()).as("a name").isNotBlank();
            assertThat(resource.getApiVersion() + "/" + resource.getKind()).as("a kind the cluster serves").isNotBlank();
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void anOverlayPutsEverythingInOneNamespaceAndCommitsNoSecret(Path overlay) {
        RenderedManifests rendered = RenderedManifests.of(overlay);

        assertThat(rendered.resources()).as("%s: every resource in the overlay's namespace", rendered.name())
                .map(resource -> resource.getMetadata().getNamespace()).doesNotContainNull().containsOnly(
                        rendered.resources().getFirst().getMetadata().getNamespace());
        assertThat(rendered.all(Secret.class)).as("%s: Secrets come from secrets.sh, never from git", rendered.name()).isEmpty();
    }

    static List<Path> overlays() {
        return RenderedManifests.overlays();
    }

    @Test
    void aMisspelledFieldIsRefusedNotDropped() {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: typo
                spec:
                  replica: 2
                  selector:
                    matchLabels: {app: typo}
                  template:
                    metadata:
                      labels: {app: typo}
                    spec:
                      containers:
                        - name: typo
                          image: sellavie/gateway:0.1.0
                """;

        assertThatThrownBy(() -> StrictKubernetesModel.parse(RenderedManifests.documents(deployment).getFirst()))
                .hasMessageContaining("Deployment typo does not match the Kubernetes API")
                .hasMessageContaining("replica");
    }

    @Test
    void aMisspelledFieldDeepInAPodTemplateIsRefused() {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: probe-typo
                spec:
                  selector:
                    matchLabels: {app: probe-typo}
                  template:
                    metadata:
                      labels: {app: probe-typo}
                    spec:
                      containers:
                        - name: probe-typo
                          image: sellavie/gateway:0.1.0
                          livenessprobe:
                            httpGet: {path: /actuator/health/liveness, port: 8080}
                """;

        assertThatThrownBy(() -> StrictKubernetesModel.parse(RenderedManifests.documents(deployment).getFirst()))
                .hasMessageContaining("livenessprobe");
    }

    @Test
    void anApiVersionTheClusterNoLongerServesIsRefused() {
        String hpa = """
                apiVersion: autoscaling/v2beta2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: old
                spec: {}
                """;

        assertThatThrownBy(() -> StrictKubernetesModel.parse(RenderedManifests.documents(hpa).getFirst()))
                .hasMessageContaining("no model for autoscaling/v2beta2/HorizontalPodAutoscaler");
    }

    @Test
    void aValidDeploymentParsesIntoItsTypedModel() {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: fine
                spec:
                  replicas: 2
                  selector:
                    matchLabels: {app: fine}
                  template:
                    metadata:
                      labels: {app: fine}
                    spec:
                      containers:
                        - name: fine
                          image: sellavie/gateway:0.1.0
                """;

        HasMetadata parsed = StrictKubernetesModel.parse(RenderedManifests.documents(deployment).getFirst());

        assertThat(parsed).isInstanceOf(Deployment.class);
        assertThat(((Deployment) parsed).getSpec().getReplicas()).isEqualTo(2);
    }

    @Test
    void customResourcesAreOnlyTheOperatorsKinds() {
        List<GenericKubernetesResource> custom = Stream.concat(RenderedManifests.overlays().stream(),
                        Stream.of(Repository.k8s().resolve("examples")))
                .map(RenderedManifests::of)
                .flatMap(rendered -> rendered.all(GenericKubernetesResource.class).stream())
                .toList();

        assertThat(custom).map(r -> r.getApiVersion() + "/" + r.getKind())
                .containsOnly("keda.sh/v1alpha1/ScaledObject", "kafka.strimzi.io/v1beta2/Kafka",
                        "kafka.strimzi.io/v1beta2/KafkaNodePool", "postgresql.cnpg.io/v1/Cluster");
    }
}
