package com.sellavie.systemtests.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ContainerNetwork;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.output.Slf4jLogConsumer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * One instance of a Sellavie service from its compose image (sellavie/&lt;module&gt;), on the test network
 * under its own alias, with the faults a container can suffer: cut off from the network, paused. Its relay
 * state is read from inside the container (its own actuator on 127.0.0.1), so the answer does not depend on
 * the network under test.
 */
final class ServiceContainer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceContainer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    final String name;
    final int port;
    private final Network network;
    final GenericContainer<?> container;

    ServiceContainer(String module, String name, int port, Network network, Map<String, String> environment) {
        this.name = name;
        this.port = port;
        this.network = network;
        this.container = new GenericContainer<>("sellavie/" + module + ":" + ContainerInfrastructure.VERSION)
                .withNetwork(network).withNetworkAliases(name)
                .withEnv(environment)
                // The relay's instance id names its lock session (application_name "sellavie-relay <name>").
                .withEnv("JAVA_OPTS", "-Xmx256m -Dsellavie.relay.instance-id=" + name)
                .withExposedPorts(port)
                .withLogConsumer(new Slf4jLogConsumer(LoggerFactory.getLogger("container." + name)).withSeparateOutputStreams())
                .waitingFor(Wait.forHttp("/actuator/health/readiness").forPort(port).forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(8)));
    }

    String baseUrl() {
        return "http://" + container.getHost() + ":" + container.getMappedPort(port);
    }

    /** The lock session's application_name of this instance's relay. */
    String relaySession() {
        return "sellavie-relay " + name;
    }

    /** LEADER, STANDBY or STOPPED as this instance's relay reports it; null when it cannot be asked. */
    String relayRole() {
        try {
            Container.ExecResult result = container.execInContainer("curl", "-sS", "--max-time", "3",
                    "http://127.0.0.1:" + port + "/actuator/health");
            if (result.getExitCode() != 0) {
                return null;
            }
            JsonNode health = JSON.readTree(result.getStdout());
            JsonNode role = health.path("components").path("relay").path("details").path("role");
            return role.isMissingNode() ? null : role.asText();
        } catch (Exception e) {
            log.debug("Relay role of {} unknown: {}", name, e.getMessage());
            return null;
        }
    }

    private DockerClient docker() {
        return container.getDockerClient();
    }

    /** Cuts the container off from the network: PostgreSQL, Kafka and the registry become unreachable. */
    void disconnect() {
        docker().disconnectFromNetworkCmd().withNetworkId(network.getId()).withContainerId(container.getContainerId())
                .withForce(true).exec();
        log.info("{} disconnected from the network", name);
    }

    void reconnect() {
        docker().connectToNetworkCmd().withNetworkId(network.getId()).withContainerId(container.getContainerId())
                .withContainerNetwork(new ContainerNetwork().withAliases(name)).exec();
        log.info("{} reconnected to the network", name);
    }

    /** Freezes every process of the container (SIGSTOP through the cgroup freezer); its sockets stay open. */
    void pause() {
        docker().pauseContainerCmd(container.getContainerId()).exec();
        log.info("{} paused", name);
    }

    void unpause() {
        docker().unpauseContainerCmd(container.getContainerId()).exec();
        log.info("{} unpaused", name);
    }

    @Override
    public void close() {
        container.stop();
    }
}
