package com.sellavie.infra.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** What {@code kubectl kustomize} renders for one folder, parsed strictly (rendered once per folder and test run). */
record RenderedManifests(Path dir, List<HasMetadata> resources) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private static final Map<Path, RenderedManifests> RENDERED = new ConcurrentHashMap<>();

    /** The seven services, as their Deployments, Services and ServiceAccounts are named (their modules). */
    static final List<String> SERVICES = List.of("gateway", "identity-service", "webhook-ingest-service",
            "conversation-service", "ai-service", "commerce-service", "notification-service");

    static RenderedManifests of(Path dir) {
        return RENDERED.computeIfAbsent(dir.toAbsolutePath().normalize(), RenderedManifests::render);
    }

    /** Every overlay under infra/k8s/overlays (what an operator applies). */
    static List<Path> overlays() {
        try (Stream<Path> dirs = Files.list(Repository.k8s().resolve("overlays"))) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("kustomization.yaml"))).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError("cannot list infra/k8s/overlays", e);
        }
    }

    static RenderedManifests examples() {
        return of(Repository.k8s().resolve("examples"));
    }

    /** YAML text (one or more documents) as JSON trees, empty documents left out. */
    static List<JsonNode> documents(String yaml) {
        List<JsonNode> documents = new ArrayList<>();
        try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (values.hasNextValue()) {
                JsonNode document = values.nextValue();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new AssertionError("not YAML: " + e.getMessage(), e);
        }
        return documents;
    }

    private static RenderedManifests render(Path dir) {
        List<HasMetadata> resources = documents(Kubectl.kustomize(dir)).stream().map(StrictKubernetesModel::parse).toList();
        return new RenderedManifests(dir, resources);
    }

    String name() {
        return dir.getFileName().toString();
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> type, String name) {
        List<T> found = all(type).stream().filter(r -> r.getMetadata().getName().equals(name)).toList();
        if (found.size() != 1) {
            throw new AssertionError(name() + ": expected one " + type.getSimpleName() + " named " + name + ", found " + found.size());
        }
        return found.getFirst();
    }

    List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(r -> r.getKind().equals(kind)).toList();
    }

    Deployment deployment(String name) {
        return one(Deployment.class, name);
    }

    Service service(String name) {
        return one(Service.class, name);
    }

    ConfigMap configMap(String name) {
        return one(ConfigMap.class, name);
    }
}
