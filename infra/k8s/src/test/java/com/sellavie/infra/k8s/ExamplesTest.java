package com.sellavie.infra.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The example dependencies are what Sellavie needs (KRaft Kafka, PostgreSQL with logical WAL and the
 * service roles compose makes, KEDA on each consumer group) and where the base's configuration looks for them.
 */
class ExamplesTest {

    private final RenderedManifests examples = RenderedManifests.examples();

    @Test
    void kafkaRunsInKraftModeOnANodePoolOfBrokersAndControllers() {
        GenericKubernetesResource kafka = single("Kafka");
        GenericKubernetesResource pool = single("KafkaNodePool");

        assertThat(kafka.getApiVersion()).isEqualTo("kafka.strimzi.io/v1beta2");
        assertThat(kafka.getMetadata().getAnnotations())
                .containsEntry("strimzi.io/kraft", "enabled").containsEntry("strimzi.io/node-pools", "enabled");
        assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", kafka.getMetadata().getName());
        assertThat(this.<List<String>>at(pool, "spec", "roles")).containsExactlyInAnyOrder("controller", "broker");
        assertThat(this.<Object>at(kafka, "spec", "kafka", "config", "auto.create.topics.enable"))
                .as("topics come from sellavie-topics, with their compaction").isEqualTo(false);
        assertThat(this.<Integer>at(pool, "spec", "replicas"))
                .as("the topics Job's replication factor fits the brokers")
                .isGreaterThanOrEqualTo(topicReplicationFactor(RenderedManifests.of(Repository.k8s().resolve("overlays/production"))));
    }

    @Test
    void postgresHasLogicalWalAndTheRegistryDatabase() {
        GenericKubernetesResource cluster = single("Cluster");

        assertThat(cluster.getApiVersion()).isEqualTo("postgresql.cnpg.io/v1");
        assertThat(this.<String>at(cluster, "spec", "postgresql", "parameters", "wal_level")).isEqualTo("logical");
        assertThat(this.<String>at(cluster, "spec", "bootstrap", "initdb", "database")).isEqualTo("sellavie_registry");
        assertThat(this.<Boolean>at(cluster, "spec", "enableSuperuserAccess")).as("the role Job connects as the superuser").isTrue();
    }

    @Test
    void theServiceRolesJobRunsInfraPostgresScriptsUnchanged() throws IOException {
        Job job = examples.one(Job.class, "sellavie-db-roles");
        String configMapName = job.getSpec().getTemplate().getSpec().getVolumes().getFirst().getConfigMap().getName();
        ConfigMap scripts = examples.configMap(configMapName);
        Path postgres = Repository.root().resolve("infra/postgres");

        assertThat(scripts.getData().get("create-service-roles.sql"))
                .as("examples/postgres/create-service-roles.sql is a copy of infra/postgres'")
                .isEqualTo(Files.readString(postgres.resolve("create-service-roles.sql")));
        assertThat(scripts.getData().get("initdb-service-roles.sh"))
                .as("examples/postgres/initdb-service-roles.sh is a copy of infra/postgres'")
                .isEqualTo(Files.readString(postgres.resolve("initdb-service-roles.sh")));
        assertThat(job.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv())
                .as("the cluster's read-write Service").anySatisfy(env -> {
                    assertThat(env.getName()).isEqualTo("PGHOST");
                    assertThat(env.getValue()).isEqualTo(single("Cluster").getMetadata().getName() + "-rw");
                });
    }

    @Test
    void theBaseConfigurationPointsAtTheExamplesServices() throws IOException {
        Properties config = new Properties();
        try (Reader reader = Files.newBufferedReader(Repository.k8s().resolve("base/config.env"))) {
            config.load(reader);
        }
        String namespace = "." + examples.all(io.fabric8.kubernetes.api.model.Namespace.class).getFirst().getMetadata().getName() + ".svc";
        String kafka = single("Kafka").getMetadata().getName() + "-kafka-bootstrap" + namespace + ":9092";
        String postgres = single("Cluster").getMetadata().getName() + "-rw" + namespace + ":5432";

        assertThat(config.getProperty("SELLAVIE_KAFKA_BOOTSTRAP")).isEqualTo(kafka);
        assertThat(config.getProperty("SELLAVIE_DB_URL")).isEqualTo("jdbc:postgresql://" + postgres);
        assertThat(config.getProperty("SELLAVIE_SCHEMA_REGISTRY_URL"))
                .isEqualTo("http://" + serviceAddress("apicurio-registry", namespace));
        assertThat(config.getProperty("SELLAVIE_REDIS_URL")).isEqualTo("redis://" + serviceAddress("redis", namespace));
    }

    @Test
    void kedaScalesEachConsumerOnItsOwnConsumerGroup() throws IOException {
        RenderedManifests keda = RenderedManifests.of(Repository.k8s().resolve("overlays/production-keda"));

        assertThat(keda.custom("ScaledObject")).isNotEmpty().allSatisfy(scaledObject -> {
            assertThat(scaledObject.getApiVersion()).isEqualTo("keda.sh/v1alpha1");
            String module = ServiceWorkloadsTest.scaleTarget(scaledObject);
            List<Map<String, Object>> triggers = at(scaledObject, "spec", "triggers");
            Map<String, Object> kafka = triggers.stream().filter(t -> "kafka".equals(t.get("type"))).findFirst().orElseThrow();
            @SuppressWarnings("unchecked")
            Map<String, Object> metadata = (Map<String, Object>) kafka.get("metadata");

            assertThat(metadata.get("consumerGroup")).as("%s's consumer group is its spring.application.name", module)
                    .isEqualTo(applicationName(module));
            Object maxReplicas = at(scaledObject, "spec", "maxReplicaCount");
            assertThat(Integer.parseInt(maxReplicas.toString()))
                    .as("12 partitions per topic").isLessThanOrEqualTo(12);
        });
    }

    private String serviceAddress(String name, String namespace) {
        Service service = examples.service(name);
        return name + namespace + ":" + service.getSpec().getPorts().getFirst().getPort();
    }

    private static int topicReplicationFactor(RenderedManifests rendered) {
        return rendered.one(Job.class, "sellavie-topics").getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv()
                .stream().filter(env -> env.getName().equals("TOPIC_REPLICATION_FACTOR"))
                .map(env -> Integer.parseInt(env.getValue())).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static String applicationName(String module) throws IOException {
        try (Reader reader = Files.newBufferedReader(Repository.root().resolve(module + "/src/main/resources/application.yml"))) {
            Map<String, Object> yaml = new org.yaml.snakeyaml.Yaml().load(reader);
            return (String) ((Map<String, Object>) ((Map<String, Object>) yaml.get("spring")).get("application")).get("name");
        }
    }

    private GenericKubernetesResource single(String kind) {
        List<GenericKubernetesResource> found = examples.custom(kind);
        assertThat(found).as("one " + kind + " in examples/").hasSize(1);
        return found.getFirst();
    }

    @SuppressWarnings("unchecked")
    private <T> T at(GenericKubernetesResource resource, String... path) {
        Object node = resource.getAdditionalProperties();
        for (String key : path) {
            assertThat(node).as("%s %s: %s", resource.getKind(), resource.getMetadata().getName(), String.join(".", path))
                    .isInstanceOf(Map.class);
            node = ((Map<String, Object>) node).get(key);
        }
        return (T) node;
    }
}
