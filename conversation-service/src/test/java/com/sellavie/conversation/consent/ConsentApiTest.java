package com.sellavie.conversation.consent;

import static com.sellavie.conversation.contact.ContactFixtures.instagramCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.conversation.contact.ContactFixtures.Customer;
import com.sellavie.conversation.support.Api;
import com.sellavie.conversation.support.ConversationServiceTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code GET/POST /api/contacts/{id}/consents}: members read, OWNER/ADMIN record, tenant-scoped, bad input changes nothing. */
@ConversationServiceTest
class ConsentApiTest {

    @LocalServerPort
    int port;

    @Test
    void adminRecordsConsentAndAnyMemberReadsTheHistoryNewestFirst() {
        Customer customer = instagramCustomer(port, "igsid-consent-" + UUID.randomUUID());
        UUID adminId = UUID.randomUUID();
        Api admin = Api.asMemberOf(port, customer.business(), adminId, "ADMIN");
        Api agent = Api.asMemberOf(port, customer.business(), UUID.randomUUID(), "AGENT");
        String path = "/api/contacts/" + customer.contactId() + "/consents";

        Api.Response granted = admin.post(path, "{\"purpose\":\"MARKETING\",\"status\":\"GRANTED\",\"source\":\" website form \"}");
        Api.Response withdrawn = admin.post(path, "{\"purpose\":\"MARKETING\",\"status\":\"WITHDRAWN\",\"source\":\"conversation\"}");

        assertThat(granted.status()).isEqualTo(201);
        assertThat(granted.json().get("source").asString()).isEqualTo("website form");
        assertThat(granted.json().get("recordedBy").asString()).isEqualTo(adminId.toString());
        assertThat(withdrawn.status()).isEqualTo(201);
        Api.Response history = agent.get(path);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().valueStream().map(c -> c.get("status").asString()).toList())
                .containsExactly("WITHDRAWN", "GRANTED");
        assertThat(history.json().get(0).get("recordedAt").isNull()).isFalse();
    }

    @Test
    void agentCannotRecordConsent() {
        Customer customer = instagramCustomer(port, "igsid-consent-agent-" + UUID.randomUUID());
        Api agent = Api.asMemberOf(port, customer.business(), UUID.randomUUID(), "AGENT");
        String path = "/api/contacts/" + customer.contactId() + "/consents";

        Api.Response refused = agent.post(path, "{\"purpose\":\"MESSAGING\",\"status\":\"GRANTED\",\"source\":\"chat\"}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(customer.api().get(path).json().size()).isZero();
    }

    @Test
    void invalidConsentIs400AndRecordsNothing() {
        Customer customer = instagramCustomer(port, "igsid-consent-bad-" + UUID.randomUUID());
        String path = "/api/contacts/" + customer.contactId() + "/consents";

        for (String body : new String[] {"{}", "{\"purpose\":\"SPAM\",\"status\":\"GRANTED\",\"source\":\"x\"}",
                "{\"purpose\":\"MESSAGING\",\"status\":\"MAYBE\",\"source\":\"x\"}",
                "{\"purpose\":\"MESSAGING\",\"status\":\"GRANTED\",\"source\":\"  \"}",
                "{\"purpose\":\"MESSAGING\",\"status\":\"GRANTED\",\"source\":\"" + "s".repeat(101) + "\"}",
                "{\"purpose\":"}) {
            Api.Response response = customer.api().post(path, body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.contentType()).as(body).startsWith("application/problem+json");
        }
        assertThat(customer.api().get(path).json().size()).isZero();
    }

    @Test
    void anotherBusinessGets404AndRecordsNothing() {
        Customer customer = instagramCustomer(port, "igsid-consent-x-" + UUID.randomUUID());
        String path = "/api/contacts/" + customer.contactId() + "/consents";
        Api other = Api.asOwnerOf(port, UUID.randomUUID());

        Api.Response read = other.get(path);
        Api.Response write = other.post(path, "{\"purpose\":\"MESSAGING\",\"status\":\"GRANTED\",\"source\":\"chat\"}");

        assertThat(read.status()).isEqualTo(404);
        assertThat(write.status()).isEqualTo(404);
        JsonNode history = customer.api().get(path).json();
        assertThat(history.size()).isZero();
        assertThat(other.get("/api/contacts/" + UUID.randomUUID() + "/consents").status()).isEqualTo(404);
    }
}
