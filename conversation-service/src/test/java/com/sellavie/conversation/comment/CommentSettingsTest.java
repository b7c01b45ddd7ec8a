package com.sellavie.conversation.comment;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.conversation.support.Api;
import com.sellavie.conversation.support.ConversationServiceTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /api/comments/settings}: off by default, any member reads it, an OWNER or ADMIN changes it, per business. */
@ConversationServiceTest
class CommentSettingsTest {

    private static final String PATH = "/api/comments/settings";

    @LocalServerPort
    int port;

    @Test
    void privateRepliesAreOffUntilAnAdminTurnsThemOnForTheirBusinessOnly() {
        UUID business = UUID.randomUUID();
        Api agent = Api.asMemberOf(port, business, UUID.randomUUID(), "AGENT");
        Api admin = Api.asMemberOf(port, business, UUID.randomUUID(), "ADMIN");
        assertThat(agent.get(PATH).json().get("privateReplies").asBoolean()).isFalse();

        Api.Response put = admin.put(PATH, "{\"privateReplies\":true}");

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("privateReplies").asBoolean()).isTrue();
        assertThat(agent.get(PATH).json().get("privateReplies").asBoolean()).isTrue();
        // another business's owner neither sees nor shares it
        assertThat(Api.asOwnerOf(port, UUID.randomUUID()).get(PATH).json().get("privateReplies").asBoolean())
                .isFalse();
    }

    @Test
    void anAgentCannotChangeItAndAnInvalidBodyChangesNothing() {
        UUID business = UUID.randomUUID();
        Api owner = Api.asOwnerOf(port, business);
        Api agent = Api.asMemberOf(port, business, UUID.randomUUID(), "AGENT");

        Api.Response forbidden = agent.put(PATH, "{\"privateReplies\":true}");
        Api.Response missing = owner.put(PATH, "{}");
        Api.Response wrongType = owner.put(PATH, "{\"privateReplies\":\"sometimes\"}");

        assertThat(forbidden.status()).isEqualTo(403);
        for (Api.Response invalid : new Api.Response[] {missing, wrongType}) {
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.contentType()).startsWith("application/problem+json");
        }
        assertThat(owner.get(PATH).json().get("privateReplies").asBoolean()).isFalse();
    }

    @Test
    void withoutATokenNothingIsReadOrChanged() {
        Api anonymous = Api.anonymous(port);

        assertThat(anonymous.get(PATH).status()).isEqualTo(401);
        assertThat(anonymous.put(PATH, "{\"privateReplies\":true}").status()).isEqualTo(401);
    }
}
