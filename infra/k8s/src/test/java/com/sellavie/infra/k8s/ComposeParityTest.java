package com.sellavie.infra.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Every variable docker-compose.yml gives a service, the Kubernetes Deployment gives it too (compose is the
 * deployment that ran the product end to end), and every secret one comes from a Secret.
 */
class ComposeParityTest {

    /** Variables holding a secret: never in a ConfigMap or a manifest's literal value. */
    static final Pattern SECRET = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|KEYSET|API_KEY)$");

    /**
     * Compose gives every container the same block of variables; these the Kubernetes service does not need.
     * The gateway has no platform (no /internal/**, no /ops/**), so it gets no service or operator token.
     */
    private static final Map<String, Set<String>> NOT_NEEDED = Map.of(
            "gateway", Set.of("SELLAVIE_INTERNAL_TOKEN", "SELLAVIE_OPS_TOKEN", "SELLAVIE_INTERNAL_ALSO_ACCEPTED_TOKEN",
                    "SELLAVIE_OPS_ALSO_ACCEPTED_TOKEN"));

    static List<Path> overlays() {
        return RenderedManifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceGetsEveryVariableComposeGivesIt(Path overlay) {
        RenderedManifests rendered = RenderedManifests.of(overlay);
        Map<String, Set<String>> compose = composeEnvironmentByModule();

        assertThat(compose.keySet()).containsExactlyInAnyOrderElementsOf(RenderedManifests.SERVICES);
        compose.forEach((module, variables) -> {
            Set<String> expected = new HashSet<>(variables);
            expected.removeAll(NOT_NEEDED.getOrDefault(module, Set.of()));

            assertThat(variablesOf(rendered, module)).as("%s: %s's variables (docker-compose.yml)", rendered.name(), module)
                    .containsAll(expected);
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void secretsComeFromSecretsNeverFromConfigOrLiterals(Path overlay) {
        RenderedManifests rendered = RenderedManifests.of(overlay);

        for (ConfigMap configMap : rendered.all(ConfigMap.class)) {
            assertThat(configMap.getData().keySet()).as("%s: ConfigMap %s", rendered.name(), configMap.getMetadata().getName())
                    .noneMatch(key -> SECRET.matcher(key).matches());
        }
        for (String service : RenderedManifests.SERVICES) {
            for (EnvVar variable : ServiceWorkloadsTest.container(rendered.deployment(service)).getEnv()) {
                if (SECRET.matcher(variable.getName()).matches()) {
                    assertThat(variable.getValue()).as("%s %s %s literal", rendered.name(), service, variable.getName()).isNull();
                    assertThat(variable.getValueFrom().getSecretKeyRef())
                            .as("%s %s %s from a Secret", rendered.name(), service, variable.getName()).isNotNull();
                }
            }
        }
    }

    /** A container's variables: its own and those of the ConfigMaps it reads whole. */
    static Set<String> variablesOf(RenderedManifests rendered, String service) {
        Container container = ServiceWorkloadsTest.container(rendered.deployment(service));
        Set<String> names = new HashSet<>();
        container.getEnv().forEach(variable -> names.add(variable.getName()));
        for (EnvFromSource source : container.getEnvFrom()) {
            assertThat(source.getConfigMapRef()).as("%s reads whole ConfigMaps only (Secrets key by key)", service).isNotNull();
            names.addAll(rendered.configMap(source.getConfigMapRef().getName()).getData().keySet());
        }
        return names;
    }

    /** docker-compose.yml's variables per Sellavie image's module (anchors and merge keys resolved). */
    @SuppressWarnings("unchecked")
    static Map<String, Set<String>> composeEnvironmentByModule() {
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(Repository.root().resolve("docker-compose.yml"))) {
            compose = new Yaml().load(reader);
        } catch (IOException e) {
            throw new AssertionError("cannot read docker-compose.yml", e);
        }
        Map<String, Set<String>> byModule = new HashMap<>();
        Set<String> modules = Set.copyOf(RenderedManifests.SERVICES);
        ((Map<String, Map<String, Object>>) compose.get("services")).forEach((name, service) -> {
            String image = String.valueOf(service.get("image"));
            String module = image.startsWith("sellavie/") ? image.substring("sellavie/".length(), image.indexOf(':')) : "";
            if (modules.contains(module)) {
                byModule.put(module, ((Map<String, Object>) service.get("environment")).keySet());
            }
        });
        return byModule;
    }
}
