package com.sellavie.conversation.privacy;

import static com.sellavie.conversation.contact.ContactFixtures.instagramCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.conversation.contact.ContactFixtures.Customer;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.events.identity.DataErasureRequested;
import com.sellavie.events.identity.DataExportRequested;
import com.sellavie.events.privacy.PrivacyTaskCompleted;
import com.sellavie.platform.test.DatabaseTraces;
import com.sellavie.schemas.EventMetadata;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * identity.privacy-requests in conversation-service: an erased contact leaves no trace in any table, an
 * export holds everything about them, other tenants are untouched, redelivery changes nothing.
 */
@ConversationServiceTest
class ConversationPrivacyTest {

    @LocalServerPort
    int port;
    @Value("${spring.datasource.url}")
    String database;

    @Test
    void erasureLeavesNoTraceOfTheContactAndAnswersDone() {
        // Given a customer with a name, notes, a consent record and a message
        String igsid = "igsid-erase-" + UUID.randomUUID();
        Customer customer = instagramCustomer(port, igsid);
        String name = "Adaeze Nwosu-" + UUID.randomUUID();
        customer.api().patch("/api/contacts/" + customer.contactId(),
                "{\"name\":\"" + name + "\",\"notes\":\"lives at 12 Marina Road\"}");
        customer.api().post("/api/contacts/" + customer.contactId() + "/consents",
                "{\"purpose\":\"MARKETING\",\"status\":\"GRANTED\",\"source\":\"conversation\"}");
        String text = messageTextOf(customer);
        // and another business's customer, the same person on another shop's account
        Customer elsewhere = instagramCustomer(port, igsid);

        // When identity asks to erase the first one
        DataErasureRequested request = PrivacyRequests.contactErasure(customer.business(), customer.contactId());
        PrivacyRequests.publish(request);

        // Then the service answers DONE with what it erased, and no table holds the person any more
        PrivacyTaskCompleted answer = PrivacyRequests.answer(request.getRequestId());
        assertThat(answer.getOutcome()).isEqualTo("DONE");
        assertThat(answer.getService()).isEqualTo("conversation-service");
        assertThat(answer.getRequestKind()).isEqualTo("ERASURE");
        assertThat(answer.getItemCount()).isGreaterThanOrEqualTo(4);
        assertThat(answer.getDetail()).isNull();
        for (String trace : new String[] {name, "12 Marina Road", text, customer.contactId().toString()}) {
            assertThat(DatabaseTraces.findOutsideOutbox(database, trace)).as(trace).isEmpty();
        }
        assertThat(customer.api().get("/api/contacts/" + customer.contactId()).status()).isEqualTo(404);
        // and the other business still has its customer, conversation and messages
        assertThat(elsewhere.contact().get("externalId").asString()).isEqualTo(igsid);
        assertThat(DatabaseTraces.find(database, messageTextOf(elsewhere))).containsKey("messages");
        assertThat(DatabaseTraces.findOutsideOutbox(database, igsid)).containsOnlyKeys("contacts");
    }

    @Test
    void redeliveryChangesNothingAndAskingAgainAnswersDoneWithNothingLeft() {
        Customer customer = instagramCustomer(port, "igsid-again-" + UUID.randomUUID());
        DataErasureRequested request = PrivacyRequests.contactErasure(customer.business(), customer.contactId());
        PrivacyRequests.publish(request);
        assertThat(PrivacyRequests.answer(request.getRequestId()).getItemCount()).isPositive();

        // The same record again: the inbox knows it, no second answer
        PrivacyRequests.publish(request);
        // identity asking again (a new event for the same request): nothing left, DONE with 0
        PrivacyRequests.publish(PrivacyRequests.askedAgain(request));

        var answers = PrivacyRequests.answers(request.getRequestId(), 3, Duration.ofSeconds(8));
        assertThat(answers).hasSize(2);
        assertThat(answers.get(1).getOutcome()).isEqualTo("DONE");
        assertThat(answers.get(1).getItemCount()).isZero();
    }

    @Test
    void metaUserErasureRemovesThatUserFromEveryBusinessAndNoOneElse() {
        String igsid = "igsid-meta-" + UUID.randomUUID();
        Customer first = instagramCustomer(port, igsid);
        Customer second = instagramCustomer(port, igsid);
        Customer someoneElse = instagramCustomer(port, "igsid-other-" + UUID.randomUUID());

        DataErasureRequested request = PrivacyRequests.erasure(EventMetadata.NO_BUSINESS, "META_USER", null, igsid);
        PrivacyRequests.publish(request);

        PrivacyTaskCompleted answer = PrivacyRequests.answer(request.getRequestId());
        assertThat(answer.getOutcome()).isEqualTo("DONE");
        assertThat(answer.getItemCount()).isGreaterThanOrEqualTo(6);
        assertThat(DatabaseTraces.findOutsideOutbox(database, igsid)).isEmpty();
        assertThat(first.api().get("/api/contacts/" + first.contactId()).status()).isEqualTo(404);
        assertThat(second.api().get("/api/contacts/" + second.contactId()).status()).isEqualTo(404);
        assertThat(someoneElse.api().get("/api/contacts/" + someoneElse.contactId()).status()).isEqualTo(200);
    }

    @Test
    void exportHoldsTheContactTheirConsentsConversationsAndMessages() {
        Customer customer = instagramCustomer(port, "igsid-export-" + UUID.randomUUID());
        customer.api().patch("/api/contacts/" + customer.contactId(), "{\"notes\":\"prefers size M\"}");
        customer.api().post("/api/contacts/" + customer.contactId() + "/consents",
                "{\"purpose\":\"MESSAGING\",\"status\":\"GRANTED\",\"source\":\"in store\"}");
        DataExportRequested request = PrivacyRequests.contactExport(customer.business(), customer.contactId());

        PrivacyRequests.publish(request);

        PrivacyTaskCompleted answer = PrivacyRequests.answer(request.getRequestId());
        assertThat(answer.getOutcome()).isEqualTo("DONE");
        assertThat(answer.getRequestKind()).isEqualTo("EXPORT");
        assertThat(answer.getItemCount()).isEqualTo(4);
        var part = PrivacyRequests.exportPart(port, request.getRequestId());
        assertThat(part.status()).isEqualTo(200);
        JsonNode json = part.json();
        assertThat(json.get("service").asString()).isEqualTo("conversation-service");
        assertThat(json.get("requestId").asString()).isEqualTo(request.getRequestId().toString());
        JsonNode data = json.get("data");
        assertThat(data.get("contacts").get(0).get("external_id").asString()).isEqualTo(customer.externalId());
        assertThat(data.get("contacts").get(0).get("notes").asString()).isEqualTo("prefers size M");
        assertThat(data.get("consents").get(0).get("source").asString()).isEqualTo("in store");
        assertThat(data.get("conversations").get(0).get("id").asString()).isEqualTo(customer.conversationId().toString());
        assertThat(data.get("messages").get(0).get("text").asString()).isEqualTo(messageTextOf(customer));
    }

    @Test
    void exportPartNeedsTheServiceTokenAndAKnownRequest() {
        Customer customer = instagramCustomer(port, "igsid-export-auth-" + UUID.randomUUID());
        DataExportRequested request = PrivacyRequests.contactExport(customer.business(), customer.contactId());
        PrivacyRequests.publish(request);
        PrivacyRequests.answer(request.getRequestId());

        assertThat(PrivacyRequests.exportPart(port, request.getRequestId(), null).status()).isIn(401, 403);
        var merchant = PrivacyRequests.exportPart(port, request.getRequestId(),
                com.sellavie.platform.test.TestTokens.ownerOf(customer.business()));
        assertThat(merchant.status()).isIn(401, 403);
        assertThat(merchant.body()).doesNotContain(customer.externalId());
        var unknown = PrivacyRequests.exportPart(port, UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    private String messageTextOf(Customer customer) {
        return customer.api().get("/api/conversations/" + customer.conversationId() + "/messages").json()
                .valueStream().map(m -> m.get("text").asString()).filter(t -> t.startsWith("hello ")).findFirst()
                .orElseThrow();
    }
}
