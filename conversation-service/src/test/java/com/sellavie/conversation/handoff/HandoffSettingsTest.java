package com.sellavie.conversation.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.conversation.support.Api;
import com.sellavie.conversation.support.ConversationServiceTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ConversationServiceTest
class HandoffSettingsTest {

    @LocalServerPort
    int port;

    @Test
    void aBusinessStartsWithTheDefaultsAndAnAdminChangesThem() {
        UUID business = UUID.randomUUID();
        Api agent = Api.asMemberOf(port, business, UUID.randomUUID(), "AGENT");
        Api admin = Api.asMemberOf(port, business, UUID.randomUUID(), "ADMIN");

        JsonNode defaults = agent.get("/api/handoff/settings").json();
        assertThat(defaults.get("quietPeriodMinutes").asInt()).isEqualTo(120);
        assertThat(defaults.get("keywords").valueStream().map(JsonNode::asString)).contains("agent", "talk to a person");

        Api.Response put = admin.put("/api/handoff/settings",
                "{\"keywords\":[\"  Oga  Abeg \",\"manager\",\"MANAGER\"],\"quietPeriodMinutes\":30}");

        assertThat(put.status()).isEqualTo(200);
        JsonNode saved = agent.get("/api/handoff/settings").json();
        assertThat(saved.get("keywords").valueStream().map(JsonNode::asString)).containsExactly("oga abeg", "manager");
        assertThat(saved.get("quietPeriodMinutes").asInt()).isEqualTo(30);
        // another business keeps its own (the defaults)
        assertThat(Api.asOwnerOf(port, UUID.randomUUID()).get("/api/handoff/settings").json()
                .get("quietPeriodMinutes").asInt()).isEqualTo(120);
    }

    @Test
    void anAgentCannotChangeThemAndInvalidSettingsChangeNothing() {
        UUID business = UUID.randomUUID();
        Api owner = Api.asOwnerOf(port, business);
        Api agent = Api.asMemberOf(port, business, UUID.randomUUID(), "AGENT");

        Api.Response forbidden = agent.put("/api/handoff/settings", "{\"keywords\":[\"x\"],\"quietPeriodMinutes\":5}");
        Api.Response zero = owner.put("/api/handoff/settings", "{\"keywords\":[\"x\"],\"quietPeriodMinutes\":0}");
        Api.Response blank = owner.put("/api/handoff/settings", "{\"keywords\":[\" \"],\"quietPeriodMinutes\":5}");
        Api.Response missing = owner.put("/api/handoff/settings", "{\"quietPeriodMinutes\":5}");

        assertThat(forbidden.status()).isEqualTo(403);
        for (Api.Response invalid : new Api.Response[] {zero, blank, missing}) {
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.contentType()).startsWith("application/problem+json");
        }
        assertThat(zero.json().get("errors").has("quietPeriodMinutes")).isTrue();
        assertThat(owner.get("/api/handoff/settings").json().get("quietPeriodMinutes").asInt()).isEqualTo(120);
    }
}
