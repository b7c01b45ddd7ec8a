package com.sellavie.conversation.contact;

import static com.sellavie.conversation.contact.ContactFixtures.instagramCustomer;
import static com.sellavie.conversation.contact.ContactFixtures.instagramProfile;
import static com.sellavie.conversation.contact.ContactFixtures.json;
import static com.sellavie.conversation.contact.ContactFixtures.profileCalls;
import static com.sellavie.conversation.contact.ContactFixtures.profileOf;
import static com.sellavie.conversation.contact.ContactFixtures.tokenInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.sellavie.conversation.contact.ContactFixtures.Customer;
import com.sellavie.conversation.outbound.SendFixtures;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.conversation.support.Api;
import com.sellavie.conversation.support.ConversationTestInfrastructure;
import com.sellavie.conversation.support.Inbound;
import com.sellavie.platform.tenancy.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Profiles fetched from Meta's Graph API (WireMock shaped like Meta's answers) off the consumer thread, by
 * the refresh queue: a new contact's profile arrives on its own; failures back off and retry; a team's
 * name wins over Meta's; error 190 leaves the contact alone.
 */
@ConversationServiceTest
class ContactProfileRefreshTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void newInstagramContactGetsNameUsernameAndPictureFromMeta() {
        String igsid = "igsid-" + UUID.randomUUID();
        ConversationTestInfrastructure.GRAPH.stubFor(profileOf(igsid)
                .withQueryParam("fields", WireMock.equalTo("name,username,profile_pic"))
                .willReturn(instagramProfile(igsid, "Ada Obi", "ada.obi")));

        Customer customer = instagramCustomer(port, igsid);

        JsonNode contact = await().atMost(Duration.ofSeconds(30)).until(customer::contact,
                c -> !c.get("username").isNull());
        assertThat(contact.get("name").asString()).isEqualTo("Ada Obi");
        assertThat(contact.get("username").asString()).isEqualTo("ada.obi");
        assertThat(contact.get("pictureUrl").asString()).endsWith("/ada.obi.jpg");
        assertThat(contact.get("profileFetchedAt").isNull()).isFalse();
        JsonNode inList = customer.conversation().get("contact");
        assertThat(inList.get("username").asString()).isEqualTo("ada.obi");
        assertThat(inList.get("pictureUrl").asString()).endsWith("/ada.obi.jpg");
        assertThat(profileCalls(igsid)).isEqualTo(1);
    }

    @Test
    void messengerProfileNameIsFirstAndLastName() {
        String psid = "7" + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000_000L);
        ConversationTestInfrastructure.GRAPH.stubFor(profileOf(psid)
                .withQueryParam("fields", WireMock.equalTo("first_name,last_name,profile_pic"))
                .willReturn(json(200, "{\"first_name\":\"Peter\",\"last_name\":\"Chang\",\"profile_pic\":"
                        + "\"https://platform-lookaside.fbsbx.com/platform/profilepic/?psid=" + psid + "\",\"id\":\""
                        + psid + "\"}")));

        SendFixtures.Fixture f = SendFixtures.conversationOn(port, context, "MESSENGER", psid, Instant.now());

        JsonNode contact = await().atMost(Duration.ofSeconds(30)).until(() -> f.api()
                .get("/api/contacts/" + f.request().getContactId()).json(), c -> !c.get("pictureUrl").isNull());
        assertThat(contact.get("name").asString()).isEqualTo("Peter Chang");
        assertThat(contact.get("username").isNull()).isTrue();
    }

    @Test
    void failureBacksOffAndRetriesAndTheTeamsNameWins() {
        String igsid = "igsid-" + UUID.randomUUID();
        ConversationTestInfrastructure.GRAPH.stubFor(profileOf(igsid).inScenario(igsid)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(json(503, "{\"error\":{\"message\":"
                        + "\"Service temporarily unavailable\",\"type\":\"OAuthException\",\"code\":2}}")));
        ConversationTestInfrastructure.GRAPH.stubFor(profileOf(igsid).inScenario(igsid)
                .whenScenarioStateIs("up").willReturn(instagramProfile(igsid, "Meta Name", "ada.meta")));

        Customer customer = instagramCustomer(port, igsid);
        await().atMost(Duration.ofSeconds(30)).until(() -> profileCalls(igsid) >= 1);
        assertThat(customer.contact().get("username").isNull()).isTrue();
        assertThat(customer.api().patch("/api/contacts/" + customer.contactId(), "{\"name\":\"Ada (VIP)\"}").status())
                .isEqualTo(200);
        ConversationTestInfrastructure.GRAPH.setScenarioState(igsid, "up");

        JsonNode contact = await().atMost(Duration.ofSeconds(30)).until(customer::contact,
                c -> !c.get("username").isNull());
        assertThat(contact.get("username").asString()).isEqualTo("ada.meta");
        assertThat(contact.get("name").asString()).isEqualTo("Ada (VIP)");
        assertThat(profileCalls(igsid)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void contactOfAChannelNoLongerConnectedIsNotFetched() {
        String igsid = "igsid-" + UUID.randomUUID();
        ConversationTestInfrastructure.GRAPH.stubFor(profileOf(igsid)
                .willReturn(instagramProfile(igsid, "Ada Obi", "ada.obi")));
        UUID business = UUID.randomUUID();
        Api api = Api.asOwnerOf(port, business);
        String account = Inbound.connectChannel(api);
        // As the channels slice's disconnect leaves it (status only; the row and its token stay).
        TenantContext.runAs(business, () -> jdbc.update("UPDATE channels SET status = 'DISCONNECTED' "
                + "WHERE business_id = ? AND external_id = ?", business, account));

        Inbound.deliver(Inbound.message(business, account, igsid, "mid." + igsid, "hello", Instant.now()), 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> TenantContext.callAs(business, () -> jdbc.queryForObject(
                "SELECT count(*) FROM contacts WHERE business_id = ? AND external_id = ? "
                        + "AND profile_due_at > now() + interval '1 day'", Integer.class, business, igsid)) == 1);
        assertThat(profileCalls(igsid)).isZero();
    }

    @Test
    void expiredTokenLeavesTheContactAloneInsteadOfRetrying() {
        String igsid = "igsid-" + UUID.randomUUID();
        ConversationTestInfrastructure.GRAPH.stubFor(profileOf(igsid).willReturn(tokenInvalid()));

        Customer customer = instagramCustomer(port, igsid);
        await().atMost(Duration.ofSeconds(30)).until(() -> profileCalls(igsid) == 1);

        // Several poll intervals and backoffs later, still that one call.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> profileCalls(igsid) == 1);
        JsonNode contact = customer.contact();
        assertThat(contact.get("profileFetchedAt").isNull()).isTrue();
        assertThat(contact.get("username").isNull()).isTrue();
    }
}
