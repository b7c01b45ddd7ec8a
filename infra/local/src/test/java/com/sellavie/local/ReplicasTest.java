package com.sellavie.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicasTest {

    @Test
    void eachReplicaIsItsOwnInstanceOnThePortPlusAHundredTimesItsIndex() {
        Replicas replicas = Replicas.parse("conversation=3, ai=2");

        List<SellavieService> instances = replicas.instancesOf(SellavieService.BEHIND_IDENTITY);

        assertThat(instances).extracting(SellavieService::name).containsExactly("ingest", "conversation",
                "conversation-2", "conversation-3", "ai", "ai-2", "commerce", "notification");
        assertThat(instances).filteredOn(i -> i.name().startsWith("conversation"))
                .extracting(SellavieService::port).containsExactly(8083, 8183, 8283);
        assertThat(instances).filteredOn(i -> i.name().startsWith("conversation"))
                .extracting(SellavieService::database, SellavieService::module).containsOnly(
                        org.assertj.core.groups.Tuple.tuple("sellavie_conversation", "conversation-service"));
        assertThat(instances.get(3).readinessUrl()).isEqualTo("http://localhost:8283/actuator/health/readiness");
    }

    @Test
    void theGatewayBalancesOnlyTheScaledServicesOverEveryInstance() throws Exception {
        Map<String, String> env = Replicas.parse("conversation=2").gatewayEnvironment();

        assertThat(env).containsEntry("SELLAVIE_CONVERSATION_URL", "lb://conversation")
                .doesNotContainKeys("SELLAVIE_AI_URL", "SELLAVIE_INGEST_URL");
        JsonNode instances = new ObjectMapper().readTree(env.get("SPRING_APPLICATION_JSON"))
                .at("/spring/cloud/discovery/client/simple/instances/conversation");
        assertThat(instances.findValuesAsText("uri")).containsExactly("http://localhost:8083", "http://localhost:8183");
        assertThat(Replicas.NONE.gatewayEnvironment()).isEmpty();
    }

    @Test
    void aBadSpecificationSaysWhatIsWrong() {
        assertThatThrownBy(() -> Replicas.parse("gateway=2")).hasMessageContaining("not <service>=<count>");
        assertThatThrownBy(() -> Replicas.parse("identity=2")).hasMessageContaining("not <service>=<count>");
        assertThatThrownBy(() -> Replicas.parse("conversation=0")).hasMessage("replicas of conversation must be 1 to 5");
        assertThatThrownBy(() -> Replicas.parse("ai=many")).hasMessage("'many' is not a number of replicas");
        assertThatThrownBy(() -> Replicas.parse("ai=2,ai=3")).hasMessage("ai is named twice");
        assertThatThrownBy(() -> Replicas.parse("")).hasMessageContaining("needs a value");
    }

    @Test
    void upRefusesAnUnknownOptionBeforeStartingAnything() {
        assertThat(LocalStackCommand.run(new String[] {"up", "--replicas", "conversation=9"}, Map.of())).isEqualTo(2);
        assertThat(LocalStackCommand.run(new String[] {"up", "--fast"}, Map.of())).isEqualTo(2);
    }
}
