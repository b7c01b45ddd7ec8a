package com.sellavie.conversation.contact;

import static com.sellavie.conversation.contact.ContactFixtures.instagramCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.conversation.contact.ContactFixtures.Customer;
import com.sellavie.conversation.outbound.SendFixtures;
import com.sellavie.conversation.support.Api;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.conversation.support.Inbound;
import com.sellavie.conversation.support.KafkaEvents;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.schemas.Topics;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** {@code GET/PATCH /api/contacts/{id}}: any member, tenant-scoped, invalid edits change nothing. */
@ConversationServiceTest
class ContactApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void memberReadsTheContactAndEditsItsNameAndNotes() {
        Customer customer = instagramCustomer(port, "igsid-api-" + UUID.randomUUID());
        Api agent = Api.asMemberOf(port, customer.business(), UUID.randomUUID(), "AGENT");

        Api.Response read = agent.get("/api/contacts/" + customer.contactId());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("externalId").asString()).isEqualTo(customer.externalId());
        assertThat(read.json().get("channel").get("type").asString()).isEqualTo("INSTAGRAM");
        assertThat(read.json().get("nameEdited").asBoolean()).isFalse();

        Api.Response edited = agent.patch("/api/contacts/" + customer.contactId(),
                "{\"name\":\"  Ada Obi  \",\"notes\":\"Prefers size M; pays on delivery\"}");

        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("name").asString()).isEqualTo("Ada Obi");
        assertThat(edited.json().get("nameEdited").asBoolean()).isTrue();
        assertThat(customer.contact().get("notes").asString()).isEqualTo("Prefers size M; pays on delivery");
        assertThat(customer.conversation().get("contact").get("name").asString()).isEqualTo("Ada Obi");

        assertThat(agent.patch("/api/contacts/" + customer.contactId(), "{\"notes\":\"\"}").json().get("notes").isNull())
                .isTrue();
        assertThat(customer.contact().get("name").asString()).isEqualTo("Ada Obi");
    }

    @Test
    void teamsNameSurvivesTheNameWhatsAppSendsWithTheNextMessage() {
        String waId = "1650555" + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 10_000L);
        SendFixtures.Fixture f = SendFixtures.conversationOn(port, context, "WHATSAPP", waId, Instant.now());
        UUID contactId = f.request().getContactId();
        assertThat(f.api().patch("/api/contacts/" + contactId, "{\"name\":\"Ada from Lekki\"}").status())
                .isEqualTo(200);
        String text = "second " + UUID.randomUUID();

        Inbound.deliver(InboundMessageReceived.newBuilder(Inbound.message(f.business(), f.tag(), waId,
                "wamid." + text, text, Instant.now())).setChannelType("WHATSAPP").setSenderName("Ada O.").build(), 1);

        KafkaEvents.awaitFirst(Topics.CONVERSATION_REPLY_REQUESTS.name(), ReplyRequested.class,
                r -> text.equals(r.getTriggerText()));
        assertThat(f.api().get("/api/contacts/" + contactId).json().get("name").asString()).isEqualTo("Ada from Lekki");
    }

    @Test
    void invalidEditsAre400AndChangeNothing() {
        Customer customer = instagramCustomer(port, "igsid-bad-" + UUID.randomUUID());
        customer.api().patch("/api/contacts/" + customer.contactId(), "{\"notes\":\"keep me\"}");
        JsonNode before = customer.contact();

        for (String body : new String[] {"{\"name\":\"\"}", "{\"name\":\"   \"}", "{}",
                "{\"name\":\"" + "x".repeat(101) + "\"}", "{\"notes\":\"" + "n".repeat(2001) + "\"}",
                "{\"name\":\"ok\",\"notes\":\"" + "n".repeat(2001) + "\"}", "{\"name\":"}) {
            Api.Response response = customer.api().patch("/api/contacts/" + customer.contactId(), body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.contentType()).as(body).startsWith("application/problem+json");
        }
        assertThat(customer.contact()).isEqualTo(before);
    }

    @Test
    void anotherBusinessGets404AndChangesNothing() {
        Customer customer = instagramCustomer(port, "igsid-x-" + UUID.randomUUID());
        JsonNode before = customer.contact();
        Api other = Api.asOwnerOf(port, UUID.randomUUID());

        Api.Response read = other.get("/api/contacts/" + customer.contactId());
        Api.Response edit = other.patch("/api/contacts/" + customer.contactId(), "{\"name\":\"Mallory\"}");

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.body()).doesNotContain(customer.externalId());
        assertThat(edit.status()).isEqualTo(404);
        assertThat(customer.contact()).isEqualTo(before);
        assertThat(other.get("/api/contacts/" + UUID.randomUUID()).status()).isEqualTo(404);
    }
}
