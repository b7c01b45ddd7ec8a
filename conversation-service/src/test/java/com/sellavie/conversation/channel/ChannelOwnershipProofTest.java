package com.sellavie.conversation.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.conversation.support.Api;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.conversation.support.ConversationTestInfrastructure;
import com.sellavie.conversation.support.GraphStubs;
import com.sellavie.conversation.support.KafkaEvents;
import com.sellavie.events.conversation.ChannelConnected;
import com.sellavie.schemas.Topics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/channels} stores a channel only once Meta confirmed, with the given token, that the
 * token controls that very account; Meta's WireMock answers are shaped like the Graph API's.
 */
@ConversationServiceTest
class ChannelOwnershipProofTest {

    private static final String CHANNELS = Topics.CONVERSATION_CHANNELS.name();

    @LocalServerPort
    int port;

    @Test
    void anInstagramLoginTokenProvesItsAccountAndMetasUsernameIsStoredWhenNoNameIsGiven() {
        // Given an Instagram Login token that Meta says belongs to account A
        Api api = owner();
        String token = GraphStubs.token();
        String account = id("1784");
        GraphStubs.instagramAccount(token, account, "ankara.studio");

        // When the owner connects A with it and no name
        Api.Response created = api.post("/api/channels", json("type", "INSTAGRAM", "externalId", account,
                "accessToken", token));

        // Then it is stored with Meta's username, and ChannelConnected says so
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("name").asString()).isEqualTo("ankara.studio");
        assertThat(created.json().get("status").asString()).isEqualTo("CONNECTED");
        assertThat(created.json().get("pageId").isNull()).isTrue();
        ChannelConnected event = connectedEvent(created);
        assertThat(event.getName()).isEqualTo("ankara.studio");
        // and the token went to Meta in the header only
        assertThat(ConversationTestInfrastructure.GRAPH.findAll(getRequestedFor(urlPathEqualTo("/v23.0/me"))
                .withHeader("Authorization", equalTo("Bearer " + token)))).hasSize(1)
                .allSatisfy(r -> assertThat(r.getUrl()).doesNotContain(token));
    }

    @Test
    void aPageTokenProvesThePageAndTheInstagramAccountLinkedToIt() {
        Api api = owner();
        String token = GraphStubs.token();
        String page = id("1122");
        String account = id("1784");
        GraphStubs.page(token, page, "Ankara Studio", account, "ankara.studio");

        Api.Response created = api.post("/api/channels", json("type", "INSTAGRAM", "externalId", account,
                "pageId", page, "name", "Ankara (IG)", "accessToken", token));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("name").asString()).isEqualTo("Ankara (IG)");
        assertThat(created.json().get("pageId").asString()).isEqualTo(page);
        assertThat(connectedEvent(created).getPageId()).isEqualTo(page);
    }

    @Test
    void aMessengerPageIsProvenByItsPageToken() {
        Api api = owner();
        String token = GraphStubs.token();
        String page = id("1055");
        GraphStubs.page(token, page, "Ankara Studio", null, null);

        Api.Response created = api.post("/api/channels", json("type", "MESSENGER", "pageId", page,
                "accessToken", token));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("externalId").asString()).isEqualTo(page);
        assertThat(created.json().get("name").asString()).isEqualTo("Ankara Studio");
        ChannelConnected event = connectedEvent(created);
        assertThat(event.getChannelType()).isEqualTo("MESSENGER");
        assertThat(event.getExternalId()).isEqualTo(page);
    }

    @Test
    void aWhatsAppNumberIsProvenByTheNumberAndItsBusinessAccount() {
        Api api = owner();
        String token = GraphStubs.token();
        String number = id("1065");
        String waba = id("1029");
        GraphStubs.whatsapp(token, number, "+234 803 555 0101", "Ankara Studio", waba, id("1066"), number);

        Api.Response created = api.post("/api/channels", json("type", "WHATSAPP", "phoneNumberId", number,
                "wabaId", waba, "accessToken", token));

        assertThat(created.status()).isEqualTo(201);
        JsonNode channel = created.json();
        assertThat(channel.get("externalId").asString()).isEqualTo(number);
        assertThat(channel.get("phoneNumberId").asString()).isEqualTo(number);
        assertThat(channel.get("wabaId").asString()).isEqualTo(waba);
        assertThat(channel.get("displayPhoneNumber").asString()).isEqualTo("+234 803 555 0101");
        assertThat(channel.get("name").asString()).isEqualTo("Ankara Studio");
        ChannelConnected event = connectedEvent(created);
        assertThat(event.getWhatsappBusinessAccountId()).isEqualTo(waba);
        assertThat(event.getDisplayPhoneNumber()).isEqualTo("+234 803 555 0101");
        assertThat(event.toString()).doesNotContain(token);
    }

    @Test
    void anotherBusinesssAccountIdWithAValidTokenOfAnotherAccountIsRefusedAndNothingIsStored() {
        // Given a valid token of the caller's own account B, and the victim's account id A
        Api api = owner();
        String token = GraphStubs.token();
        String own = id("1784");
        String victims = id("1784");
        GraphStubs.instagramAccount(token, own, "my.shop");

        // When the caller tries to connect A with it
        Api.Response refused = api.post("/api/channels", json("type", "INSTAGRAM", "externalId", victims,
                "name", "Not mine", "accessToken", token));

        // Then 422 ACCOUNT_MISMATCH, nothing stored, no event
        assertRefused(refused, "ACCOUNT_MISMATCH");
        assertThat(refused.json().get("detail").asString()).contains(own).contains(victims);
        assertThat(refused.body()).doesNotContain(token);
        assertNothingStoredOrPublished(api, victims);
    }

    @Test
    void aPageLinkedToAnotherInstagramAccountIsRefused() {
        Api api = owner();
        String token = GraphStubs.token();
        String page = id("1122");
        String victims = id("1784");
        GraphStubs.page(token, page, "My Page", id("1784"), "my.shop");

        Api.Response refused = api.post("/api/channels", json("type", "INSTAGRAM", "externalId", victims,
                "pageId", page, "accessToken", token));

        assertRefused(refused, "ACCOUNT_MISMATCH");
        assertNothingStoredOrPublished(api, victims);
    }

    @Test
    void aWhatsAppNumberThatIsNotTheBusinessAccountsIsRefused() {
        Api api = owner();
        String token = GraphStubs.token();
        String number = id("1065");
        String waba = id("1029");
        GraphStubs.whatsapp(token, number, "+234 803 555 0102", "Ankara Studio", waba, id("1066"));

        Api.Response refused = api.post("/api/channels", json("type", "WHATSAPP", "externalId", number,
                "wabaId", waba, "accessToken", token));

        assertRefused(refused, "ACCOUNT_MISMATCH");
        assertThat(refused.json().get("detail").asString()).contains(waba);
        assertNothingStoredOrPublished(api, number);
    }

    @Test
    void aTokenMetaRejectsIsRefusedAsInvalid() {
        Api api = owner();
        String token = GraphStubs.token();
        String account = id("1784");
        GraphStubs.tokenInvalid(token);

        Api.Response refused = api.post("/api/channels", json("type", "INSTAGRAM", "externalId", account,
                "accessToken", token));

        assertRefused(refused, "TOKEN_INVALID");
        assertNothingStoredOrPublished(api, account);
    }

    @Test
    void aTokenWithoutAccessToTheNumberIsRefusedWithMetasMessage() {
        Api api = owner();
        String token = GraphStubs.token();
        String number = id("1065");
        GraphStubs.noAccess(token);

        Api.Response refused = api.post("/api/channels", json("type", "WHATSAPP", "externalId", number,
                "wabaId", id("1029"), "accessToken", token));

        assertRefused(refused, "NO_ACCESS");
        assertThat(refused.json().get("detail").asString()).contains("missing permissions");
        assertNothingStoredOrPublished(api, number);
    }

    @Test
    void metaDownIsA503AndNothingIsStored() {
        Api api = owner();
        String token = GraphStubs.token();
        String account = id("1784");
        GraphStubs.unavailable(token);

        Api.Response unavailable = api.post("/api/channels", json("type", "INSTAGRAM", "externalId", account,
                "accessToken", token));

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.contentType()).contains("application/problem+json");
        assertNothingStoredOrPublished(api, account);
    }

    @Test
    void metaNotAnsweringInTimeIsA503AndNothingIsStored() {
        // Given Meta answering after the request timeout (2 s in tests)
        Api api = owner();
        String token = GraphStubs.token();
        String account = id("1784");
        ConversationTestInfrastructure.GRAPH.stubFor(get(urlPathEqualTo("/v23.0/me"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(200).withFixedDelay(4000)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"" + account + "\",\"username\":\"slow.shop\"}")));

        Api.Response unavailable = api.post("/api/channels", json("type", "INSTAGRAM", "externalId", account,
                "accessToken", token));

        assertThat(unavailable.status()).isEqualTo(503);
        assertNothingStoredOrPublished(api, account);
    }

    @Test
    void identifiersThatDisagreeAreA400BeforeMetaIsAsked() {
        Api api = owner();
        String token = GraphStubs.token();

        Api.Response rejected = api.post("/api/channels", json("type", "WHATSAPP", "externalId", id("1065"),
                "phoneNumberId", id("1065"), "accessToken", token));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().get("errors").has("phoneNumberId")).isTrue();
        assertThat(rejected.json().get("errors").has("wabaId")).isTrue();
        assertThat(ConversationTestInfrastructure.GRAPH.findAll(getRequestedFor(urlPathEqualTo("/v23.0/me"))
                .withHeader("Authorization", equalTo("Bearer " + token)))).isEmpty();
    }

    private Api owner() {
        return Api.asOwnerOf(port, UUID.randomUUID());
    }

    private static ChannelConnected connectedEvent(Api.Response created) {
        UUID id = UUID.fromString(created.json().get("id").asString());
        ConsumerRecord<String, ChannelConnected> record = KafkaEvents.awaitFirst(CHANNELS, ChannelConnected.class,
                e -> e.getChannelId().equals(id)).getFirst();
        assertThat(record.key()).isEqualTo(id.toString());
        return record.value();
    }

    private static void assertRefused(Api.Response refused, String reason) {
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.json().get("reason").asString()).isEqualTo(reason);
        assertThat(refused.json().get("detail").asString()).isNotBlank();
    }

    private static void assertNothingStoredOrPublished(Api api, String externalId) {
        assertThat(api.get("/api/channels").json()).isEmpty();
        assertThat(KafkaEvents.collect(CHANNELS, ChannelConnected.class, e -> e.getExternalId().equals(externalId),
                Duration.ofSeconds(1))).isEmpty();
    }

    static String id(String prefix) {
        return prefix + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L);
    }

    static String json(String... keysAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
