package com.sellavie.infra.k8s;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes documents into fabric8's typed models, strictly: a field the API does not know (a typo such as
 * {@code replica:} or {@code livenessprobe:}, which the API server would drop or refuse) fails the parse.
 * fabric8's models keep unknown fields in an "additional properties" map (a Jackson any-setter), so the
 * any-setters are switched off and unknown properties made fatal. Custom resources (Strimzi, CloudNativePG,
 * KEDA) have no typed model here: they are {@link GenericKubernetesResource}s of a known apiVersion and kind.
 */
final class StrictKubernetesModel {

    private static final Map<String, Class<? extends HasMetadata>> TYPED = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class));

    /** The custom resources the manifests may use, by the apiVersion their operators serve. */
    static final Set<String> CUSTOM = Set.of(
            "keda.sh/v1alpha1/ScaledObject",
            "kafka.strimzi.io/v1beta2/Kafka",
            "kafka.strimzi.io/v1beta2/KafkaNodePool",
            "postgresql.cnpg.io/v1/Cluster");

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .setAnnotationIntrospector(new NoAdditionalProperties());

    private static final ObjectMapper GENERIC = new ObjectMapper();

    private StrictKubernetesModel() {
    }

    /** One document as its typed model (or a generic custom resource); an unknown field or kind fails. */
    static HasMetadata parse(JsonNode document) {
        String apiVersion = document.path("apiVersion").asText();
        String kind = document.path("kind").asText();
        String type = apiVersion + "/" + kind;
        String name = document.path("metadata").path("name").asText("?");
        try {
            Class<? extends HasMetadata> model = TYPED.get(type);
            if (model != null) {
                return STRICT.treeToValue(document, model);
            }
            if (CUSTOM.contains(type)) {
                return GENERIC.treeToValue(document, GenericKubernetesResource.class);
            }
        } catch (JsonProcessingException e) {
            throw new AssertionError(kind + " " + name + " does not match the Kubernetes API: " + e.getOriginalMessage(), e);
        }
        throw new AssertionError(kind + " " + name + ": no model for " + type
                + " (an apiVersion the cluster does not serve, or a kind this test does not know yet)");
    }

    /** fabric8's models without their catch-all for unknown fields, and never ignoring unknown ones. */
    private static final class NoAdditionalProperties extends JacksonAnnotationIntrospector {

        @Override
        public Boolean hasAnySetter(Annotated annotated) {
            return Boolean.FALSE;
        }

        @Override
        public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated annotated) {
            return super.findPropertyIgnoralByName(config, annotated).withoutIgnoreUnknown();
        }
    }
}
