package com.sellavie.infra.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * infra/k8s/secrets.sh turns compose's .env and secret files into the Secrets the manifests reference:
 * every reference a pod cannot start without resolves, with the value the .env holds.
 */
class SecretsScriptTest {

    /** Made by CloudNativePG for its Cluster (enableSuperuserAccess), not by the script. */
    private static final Set<String> MADE_BY_OPERATORS = Set.of("sellavie-db-superuser");

    @TempDir
    Path work;

    @Test
    void everySecretAPodNeedsIsMadeWithTheValuesOfTheEnvFile() throws IOException {
        Map<String, String> env = testEnvironment();
        Map<String, Secret> app = runScript(env, "app");
        Map<String, Secret> data = runScript(env, "data");

        Map<RenderedManifests, Map<String, Secret>> namespaces = new LinkedHashMap<>();
        RenderedManifests.overlays().forEach(overlay -> namespaces.put(RenderedManifests.of(overlay), app));
        namespaces.put(RenderedManifests.examples(), data);
        for (var namespace : namespaces.entrySet()) {
            RenderedManifests rendered = namespace.getKey();
            Map<String, Secret> secrets = namespace.getValue();
            for (PodSpec pod : pods(rendered)) {
                for (Container container : pod.getContainers()) {
                    for (EnvVar variable : container.getEnv()) {
                        SecretKeySelector ref = variable.getValueFrom() == null ? null : variable.getValueFrom().getSecretKeyRef();
                        if (ref == null || Boolean.TRUE.equals(ref.getOptional()) || MADE_BY_OPERATORS.contains(ref.getName())) {
                            continue;
                        }
                        assertThat(secrets).as("%s: %s needs Secret %s", rendered.name(), variable.getName(), ref.getName())
                                .containsKey(ref.getName());
                        assertThat(secrets.get(ref.getName()).getData())
                                .as("%s: %s needs key %s of %s", rendered.name(), variable.getName(), ref.getKey(), ref.getName())
                                .containsKey(ref.getKey());
                        String envValue = env.get(variable.getName());
                        if (envValue != null) {
                            assertThat(decode(secrets.get(ref.getName()), ref.getKey()))
                                    .as("%s: %s carries the .env's value", rendered.name(), variable.getName()).isEqualTo(envValue);
                        }
                    }
                    checkMountedFiles(rendered, pod, container, secrets);
                }
            }
        }
        // Each service's database passwords: the services' and the role Job's variables name them differently.
        assertThat(decode(app.get("conversation-service-db"), "relay-password"))
                .isEqualTo(env.get("SELLAVIE_CONVERSATION_DB_RELAY_PASSWORD"))
                .isEqualTo(decode(data.get("conversation-service-db"), "relay-password"));
        assertThat(decode(app.get("identity-service-keys"), "jwt-signing-key.pem")).isEqualTo("test signing key");
        assertThat(data.get("sellavie-registry-db").getType()).isEqualTo("kubernetes.io/basic-auth");
        assertThat(decode(data.get("sellavie-registry-db"), "username")).isEqualTo("sellavie_registry");
    }

    @Test
    void theDependenciesNamespaceGetsDatabasePasswordsOnly() throws IOException {
        Map<String, Secret> data = runScript(testEnvironment(), "data");

        assertThat(data.keySet()).allMatch(name -> name.endsWith("-db"))
                .contains("identity-service-db", "notification-service-db", "sellavie-registry-db");
    }

    @Test
    void anEmptyRequiredValueStopsTheScriptNamingIt() throws IOException {
        Map<String, String> env = testEnvironment();
        env.put("SELLAVIE_OPS_TOKEN", "");

        assertThatThrownBy(() -> runScript(env, "app")).hasMessageContaining("SELLAVIE_OPS_TOKEN is empty");
    }

    @Test
    void optionalProviderKeysAreLeftOutWhenUnset() throws IOException {
        Map<String, String> env = testEnvironment();
        env.put("SELLAVIE_AI_OPENAI_API_KEY", "");

        Map<String, Secret> secrets = runScript(env, "app");

        assertThat(secrets.get("sellavie-ai-providers").getData()).containsOnlyKeys("groq-api-key");
        assertThat(secrets).doesNotContainKey("sellavie-smtp");
    }

    @Test
    void aTokenRotationsSecondValuesReachTheSharedSecretOnlyWhileSet() throws IOException {
        Map<String, String> env = testEnvironment();
        Map<String, Secret> normal = runScript(env, "app");
        env.put("SELLAVIE_INTERNAL_ALSO_ACCEPTED_TOKEN", "next-internal-token-0123456789");
        env.put("SELLAVIE_OPS_ALSO_ACCEPTED_TOKEN", "next-ops-token-0123456789");

        Map<String, Secret> rotating = runScript(env, "app");

        assertThat(normal.get("sellavie-shared").getData())
                .doesNotContainKeys("internal-token-also-accepted", "ops-token-also-accepted");
        assertThat(decode(rotating.get("sellavie-shared"), "internal-token-also-accepted"))
                .isEqualTo("next-internal-token-0123456789");
        assertThat(decode(rotating.get("sellavie-shared"), "ops-token-also-accepted")).isEqualTo("next-ops-token-0123456789");
        assertThat(decode(rotating.get("sellavie-shared"), "ops-token")).isEqualTo(env.get("SELLAVIE_OPS_TOKEN"));
    }

    /** A file a service reads (SELLAVIE_*_FILE) lies in a Secret volume that has it as a key. */
    private static void checkMountedFiles(RenderedManifests rendered, PodSpec pod, Container container, Map<String, Secret> secrets) {
        for (EnvVar variable : container.getEnv()) {
            if (!variable.getName().endsWith("_FILE") || variable.getValue() == null) {
                continue;
            }
            Path file = Path.of(variable.getValue());
            VolumeMount mount = container.getVolumeMounts().stream()
                    .filter(m -> file.getParent().equals(Path.of(m.getMountPath()))).findFirst()
                    .orElseThrow(() -> new AssertionError(rendered.name() + ": nothing mounted for " + variable.getName()));
            Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
            assertThat(volume.getSecret()).as("%s: %s comes from a Secret", rendered.name(), variable.getName()).isNotNull();
            assertThat(secrets.get(volume.getSecret().getSecretName()).getData())
                    .as("%s: %s", rendered.name(), variable.getName()).containsKey(file.getFileName().toString());
        }
    }

    private static List<PodSpec> pods(RenderedManifests rendered) {
        return Stream.of(
                rendered.all(Deployment.class).stream().map(d -> d.getSpec().getTemplate().getSpec()),
                rendered.all(StatefulSet.class).stream().map(s -> s.getSpec().getTemplate().getSpec()),
                rendered.all(Job.class).stream().map(j -> j.getSpec().getTemplate().getSpec()))
                .flatMap(s -> s).toList();
    }

    /** Every variable of .env.example, the secret ones given distinct test values, and the secret files. */
    private Map<String, String> testEnvironment() throws IOException {
        Path secretsDir = Files.createDirectories(work.resolve("secrets"));
        Files.writeString(secretsDir.resolve("jwt-signing-key.pem"), "test signing key");
        for (String keyset : List.of("identity", "conversation", "commerce")) {
            Files.writeString(secretsDir.resolve(keyset + "-keyset.json"), "{\"test\":\"" + keyset + "\"}");
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Repository.root().resolve(".env.example"))) {
            int equals = line.indexOf('=');
            if (line.startsWith("#") || equals < 0) {
                continue;
            }
            String name = line.substring(0, equals);
            String value = line.substring(equals + 1);
            env.put(name, value.isEmpty() && ComposeParityTest.SECRET.matcher(name).matches() ? "test-" + name.toLowerCase() : value);
        }
        env.put("SELLAVIE_SMTP_USERNAME", "");
        env.put("SELLAVIE_SMTP_PASSWORD", "");
        env.put("SELLAVIE_SECRETS_DIR", secretsDir.toString());
        return env;
    }

    private Map<String, Secret> runScript(Map<String, String> env, String target) throws IOException {
        Path envFile = work.resolve("test.env");
        StringBuilder text = new StringBuilder();
        env.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        Files.writeString(envFile, text);
        String yaml = Kubectl.run(List.of("bash", Repository.k8s().resolve("secrets.sh").toString(), envFile.toString(), target),
                work, Map.of());
        Map<String, Secret> secrets = new LinkedHashMap<>();
        RenderedManifests.documents(yaml).stream().map(StrictKubernetesModel::parse).forEach(resource -> {
            assertThat(resource).isInstanceOf(Secret.class);
            assertThat(secrets.put(resource.getMetadata().getName(), (Secret) resource)).as("one Secret per name").isNull();
        });
        return secrets;
    }

    private static String decode(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
}
