package com.sellavie.identity.activity;

import static com.sellavie.identity.support.IdentityApi.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.events.commerce.OrderCancelled;
import com.sellavie.events.conversation.ChannelConnected;
import com.sellavie.identity.support.IdentityApi;
import com.sellavie.identity.support.IdentityApi.Response;
import com.sellavie.identity.support.IdentityDatabase;
import com.sellavie.identity.support.IdentityIntegrationTest;
import com.sellavie.identity.support.OtherServicesEvents;
import com.sellavie.identity.support.TestBusinesses;
import com.sellavie.identity.support.TestBusinesses.Member;
import com.sellavie.schemas.EventMetadata;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/activity} over real HTTP: identity's own security and team facts, and business
 * actions consumed from other services' topics (real events on the in-JVM broker, delivered twice,
 * recorded once); filters, cursor pages, OWNER/ADMIN only, one business's entries only.
 */
@IdentityIntegrationTest
class ActivityIntegrationTest {

    @LocalServerPort
    int port;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    private IdentityApi api;
    private TestBusinesses businesses;

    @BeforeEach
    void connect() {
        api = new IdentityApi(port);
        businesses = new TestBusinesses(api);
    }

    @Test
    void aFailedAndASuccessfulLogInShowWithTheirClientAddress() {
        Member owner = businesses.signUp();

        assertThat(api.logIn(owner.email(), "wrong-Password-99").status()).isEqualTo(401);
        assertThat(api.logIn(owner.email(), GOOD_PASSWORD).status()).isEqualTo(200);

        List<JsonNode> failed = items(owner, "?kind=LOGIN_FAILED");
        assertThat(failed).hasSize(1);
        assertThat(failed.getFirst().path("category").asString()).isEqualTo("SECURITY");
        assertThat(failed.getFirst().path("actorUserId").asString()).isEqualTo(owner.userId());
        assertThat(failed.getFirst().path("ip").asString()).isEqualTo(api.clientAddress());
        // The sign-up and the log-in each began a session.
        assertThat(items(owner, "?category=security&kind=SIGNED_IN")).hasSize(2)
                .allSatisfy(item -> assertThat(item.path("ip").asString()).isEqualTo(api.clientAddress()));
    }

    @Test
    void businessActionsFromOtherServicesTopicsAreRecordedOnceWithTheirActor() {
        Member owner = businesses.signUp();
        UUID business = UUID.fromString(owner.businessId());
        ChannelConnected connected = channelConnected(business);
        OrderCancelled cancelled = orderCancelled(business, owner.userId());

        OtherServicesEvents.publish(connected, connected.getChannelId().toString(), 2);
        OtherServicesEvents.publish(cancelled, cancelled.getOrderId().toString(), 2);

        await().atMost(Duration.ofSeconds(30)).until(() -> items(owner, "?category=ORDERS").size() == 1);
        List<JsonNode> channels = items(owner, "?category=CHANNELS");
        assertThat(channels).hasSize(1);
        assertThat(channels.getFirst().path("kind").asString()).isEqualTo("CHANNEL_CONNECTED");
        assertThat(channels.getFirst().path("actor").asString()).isEqualTo("system");
        assertThat(channels.getFirst().path("subject").asString()).isEqualTo("INSTAGRAM ada.linen");
        JsonNode order = items(owner, "?category=ORDERS").getFirst();
        assertThat(order.path("kind").asString()).isEqualTo("ORDER_CANCELLED");
        assertThat(order.path("actor").asString()).isEqualTo("user");
        assertThat(order.path("actorUserId").asString()).isEqualTo(owner.userId());
        assertThat(order.path("occurredAt").asString()).isEqualTo(cancelled.getOccurredAt().toString());
        assertThat(items(owner, "?actor=system")).extracting(item -> item.path("kind").asString())
                .containsExactly("CHANNEL_CONNECTED");
    }

    @Test
    void teamChangesFromIdentityMembersShow() {
        Member owner = businesses.signUp();
        Member agent = businesses.join(owner, "AGENT");

        await().atMost(Duration.ofSeconds(30)).until(() -> items(owner, "?kind=MEMBER_JOINED").size() == 1);
        assertThat(items(owner, "?kind=MEMBER_JOINED").getFirst().path("actorUserId").asString())
                .isEqualTo(agent.userId());
        JsonNode invited = items(owner, "?kind=INVITATION_SENT").getFirst();
        assertThat(invited.path("actorUserId").asString()).isEqualTo(owner.userId());
        assertThat(invited.path("subject").asString()).isEqualTo("Invited as AGENT");
    }

    @Test
    void pagesGoNewestFirstWithoutGapsOrRepeatsAndTimeFiltersApply() {
        Member owner = businesses.signUp();
        Instant start = Instant.now().minusSeconds(1);
        for (int i = 0; i < 4; i++) {
            assertThat(api.logIn(owner.email(), GOOD_PASSWORD).status()).isEqualTo(200);
        }
        List<String> all = ids(items(owner, "?kind=SIGNED_IN"));
        assertThat(all).hasSize(5);

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = api.get("/api/activity?kind=SIGNED_IN&limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    owner.token());
            assertThat(page.status()).isEqualTo(200);
            page.json().path("items").forEach(item -> paged.add(item.path("id").asString()));
            cursor = page.json().path("nextCursor").isNull() ? null : page.json().path("nextCursor").asString();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(paged).containsExactlyElementsOf(all);
        List<JsonNode> newestFirst = items(owner, "?kind=SIGNED_IN");
        for (int i = 1; i < newestFirst.size(); i++) {
            assertThat(Instant.parse(newestFirst.get(i - 1).path("occurredAt").asString()))
                    .isAfterOrEqualTo(Instant.parse(newestFirst.get(i).path("occurredAt").asString()));
        }
        assertThat(items(owner, "?kind=SIGNED_IN&from=" + start.plus(1, ChronoUnit.DAYS))).isEmpty();
        assertThat(items(owner, "?kind=SIGNED_IN&to=" + start.minus(1, ChronoUnit.DAYS))).isEmpty();
    }

    @Test
    void onlyOwnersAndAdminsReadItAndOnlyTheirBusinesssEntries() {
        Member a = businesses.signUp();
        Member b = businesses.signUp();
        Member agent = businesses.join(a, "AGENT");
        Member admin = businesses.join(a, "ADMIN");
        assertThat(api.logIn(a.email(), "wrong-Password-99").status()).isEqualTo(401);
        ChannelConnected aChannel = channelConnected(UUID.fromString(a.businessId()));
        OtherServicesEvents.publish(aChannel, aChannel.getChannelId().toString(), 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> items(a, "?category=CHANNELS").size() == 1);

        assertThat(api.get("/api/activity", agent.token()).status()).isEqualTo(403);
        assertThat(api.get("/api/activity", null).status()).isEqualTo(401);
        assertThat(items(admin, "?kind=LOGIN_FAILED")).hasSize(1);

        List<JsonNode> bEntries = items(b, "");
        assertThat(bEntries).isNotEmpty().allSatisfy(item ->
                assertThat(item.path("actorUserId").asString("")).isIn(b.userId(), ""));
        assertThat(items(b, "?category=CHANNELS")).isEmpty();
        assertThat(items(b, "?actor=" + a.userId())).isEmpty();
    }

    @Test
    void badFiltersAreNamed() {
        Member owner = businesses.signUp();

        Response refused = api.get("/api/activity?category=GOSSIP&actor=nobody&from=yesterday&cursor=%21&limit=0",
                owner.token());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").propertyNames())
                .containsExactlyInAnyOrder("category", "actor", "from", "cursor", "limit");
    }

    private List<JsonNode> items(Member member, String query) {
        Response response = api.get("/api/activity" + query, member.token());
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.json().path("items").forEach(items::add);
        return items;
    }

    private static List<String> ids(List<JsonNode> items) {
        return items.stream().map(item -> item.path("id").asString()).toList();
    }

    static ChannelConnected channelConnected(UUID business) {
        EventMetadata m = EventMetadata.startOfJourney(business, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return ChannelConnected.newBuilder().setEventId(m.eventId()).setOccurredAt(m.occurredAt())
                .setBusinessId(business).setCorrelationId(m.correlationId()).setChannelId(UUID.randomUUID())
                .setChannelType("INSTAGRAM").setExternalId("1784" + System.nanoTime()).setName("ada.linen").build();
    }

    static OrderCancelled orderCancelled(UUID business, String byUser) {
        EventMetadata m = EventMetadata.startOfJourney(business, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return OrderCancelled.newBuilder().setEventId(m.eventId()).setOccurredAt(m.occurredAt())
                .setBusinessId(business).setCorrelationId(m.correlationId()).setOrderId(UUID.randomUUID())
                .setCancelledBy(byUser).setReason("customer changed their mind").build();
    }
}
