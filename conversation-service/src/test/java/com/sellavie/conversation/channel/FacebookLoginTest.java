package com.sellavie.conversation.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.conversation.support.Api;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.conversation.support.ConversationTestInfrastructure;
import com.sellavie.conversation.support.FacebookStubs;
import com.sellavie.conversation.support.GraphStubs;
import com.sellavie.conversation.support.KafkaEvents;
import com.sellavie.events.conversation.ChannelConnected;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.schemas.Topics;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@ConversationServiceTest
@ExtendWith(OutputCaptureExtension.class)
class FacebookLoginTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    @Test
    void loginGivesMetasDialogWithAFreshSingleUseStateStoredOnlyHashed() {
        UUID business = UUID.randomUUID();
        Api owner = Api.asMemberOf(port, business, UUID.randomUUID(), "OWNER");

        Api.Response first = owner.post("/api/channels/facebook/login", "");
        Api.Response second = owner.post("/api/channels/facebook/login", "");

        assertThat(first.status()).isEqualTo(200);
        String url = first.json().get("authorizeUrl").asString();
        String state = first.json().get("state").asString();
        assertThat(url).startsWith("https://www.facebook.com/v23.0/dialog/oauth?");
        Map<String, String> query = query(url);
        assertThat(query).containsEntry("client_id", FacebookStubs.APP_ID)
                .containsEntry("redirect_uri", FacebookStubs.REDIRECT_URI).containsEntry("response_type", "code")
                .containsEntry("state", state).containsEntry("scope", FacebookLoginProperties.SCOPES)
                .doesNotContainKey("config_id").doesNotContainKey("client_secret");
        assertThat(Base64.getUrlDecoder().decode(state)).hasSizeGreaterThanOrEqualTo(16);
        assertThat(second.json().get("state").asString()).isNotEqualTo(state);
        assertThat(first.body()).doesNotContain(FacebookStubs.APP_SECRET);
        List<byte[]> stored = TenantContext.callAs(business, () -> jdbc.queryForList(
                "SELECT state_hash FROM facebook_logins WHERE business_id = ?", byte[].class, business));
        assertThat(stored).hasSize(2).noneMatch(hash -> new String(hash, StandardCharsets.ISO_8859_1).contains(state));
        assertThat(owner.get("/api/channels/facebook").json().get("configured").asBoolean()).isTrue();
    }

    @Test
    void theCallbackOffersPagesTheirInstagramAccountsAndWhatsAppNumbersWithoutAnyToken(CapturedOutput output) {
        // Given an owner who signed in at Meta with two Pages (one linked to Instagram) and a WABA
        UUID business = UUID.randomUUID();
        Api owner = Api.asMemberOf(port, business, UUID.randomUUID(), "OWNER");
        Login login = login(owner, List.of(FacebookStubs.page("Linen Shop", true), FacebookStubs.page("Linen Outlet",
                false)), List.of(FacebookStubs.waba("Linen Shop WA")));

        // When the console posts the code and state back
        Api.Response offered = owner.post("/api/channels/facebook/callback", login.callbackBody());

        // Then each account is a choice, none connected yet, and no token anywhere in the answer
        assertThat(offered.status()).isEqualTo(200);
        JsonNode choices = offered.json().get("choices");
        assertThat(choices).hasSize(4);
        FacebookStubs.Page shop = login.pages().getFirst();
        FacebookStubs.Waba waba = login.wabas().getFirst();
        assertThat(choice(choices, "MESSENGER", shop.id()).get("name").asString()).isEqualTo("Linen Shop");
        JsonNode instagram = choice(choices, "INSTAGRAM", shop.instagramId());
        assertThat(instagram.get("pageId").asString()).isEqualTo(shop.id());
        assertThat(instagram.get("name").asString()).isEqualTo(shop.instagramUsername());
        assertThat(choice(choices, "MESSENGER", login.pages().get(1).id())).isNotNull();
        JsonNode whatsapp = choice(choices, "WHATSAPP", waba.phoneNumberId());
        assertThat(whatsapp.get("wabaId").asString()).isEqualTo(waba.id());
        assertThat(whatsapp.get("phoneNumberId").asString()).isEqualTo(waba.phoneNumberId());
        assertThat(whatsapp.get("name").asString()).isEqualTo("Linen Shop WA");
        for (JsonNode choice : choices) {
            assertThat(choice.get("alreadyConnected").asBoolean()).isFalse();
        }
        assertThat(offered.json().get("sessionId").asString()).isNotBlank();
        login.assertNoTokenIn(offered.body());
        login.assertNoTokenIn(output.getAll());
        // and the session is stored encrypted
        byte[] session = TenantContext.callAs(business, () -> jdbc.queryForObject(
                "SELECT session_ciphertext FROM facebook_logins WHERE id = ?", byte[].class,
                UUID.fromString(offered.json().get("sessionId").asString())));
        login.assertNoTokenIn(new String(session, StandardCharsets.ISO_8859_1));
        // and Meta was asked for a long-lived token with the app's secret and the registered redirect URI
        ConversationTestInfrastructure.GRAPH.verify(getRequestedFor(urlPathEqualTo("/v23.0/oauth/access_token"))
                .withQueryParam("code", equalTo(login.code()))
                .withQueryParam("redirect_uri", equalTo(FacebookStubs.REDIRECT_URI)));
        ConversationTestInfrastructure.GRAPH.verify(getRequestedFor(urlPathEqualTo("/v23.0/oauth/access_token"))
                .withQueryParam("grant_type", equalTo("fb_exchange_token"))
                .withQueryParam("fb_exchange_token", equalTo(login.shortToken())));
    }

    @Test
    void pickedAccountsAreConnectedThroughTheOwnershipProofWithTheirOwnTokens(CapturedOutput output) {
        // Given an owner's Facebook Login session offering a Page with Instagram and a WhatsApp number
        UUID business = UUID.randomUUID();
        Api owner = Api.asMemberOf(port, business, UUID.randomUUID(), "OWNER");
        Login login = login(owner, List.of(FacebookStubs.page("Linen Shop", true)),
                List.of(FacebookStubs.waba("Linen Shop WA")));
        String sessionId = owner.post("/api/channels/facebook/callback", login.callbackBody()).json()
                .get("sessionId").asString();
        FacebookStubs.Page page = login.pages().getFirst();
        FacebookStubs.Waba waba = login.wabas().getFirst();

        // When they connect all three
        Api.Response connected = owner.post("/api/channels/facebook/connect", connectBody(sessionId,
                "MESSENGER", page.id(), "INSTAGRAM", page.instagramId(), "WHATSAPP", waba.phoneNumberId()));

        // Then 201: three channels, masked tokens, nothing failed
        assertThat(connected.status()).isEqualTo(201);
        assertThat(connected.json().get("connected")).hasSize(3);
        assertThat(connected.json().get("failed")).isEmpty();
        login.assertNoTokenIn(connected.body());
        JsonNode list = owner.get("/api/channels").json();
        assertThat(list).hasSize(3);
        JsonNode instagram = channel(list, "INSTAGRAM");
        assertThat(instagram.get("externalId").asString()).isEqualTo(page.instagramId());
        assertThat(instagram.get("pageId").asString()).isEqualTo(page.id());
        assertThat(instagram.get("accessToken").asString()).isEqualTo(TokenMask.mask(page.token()));
        JsonNode whatsapp = channel(list, "WHATSAPP");
        assertThat(whatsapp.get("wabaId").asString()).isEqualTo(waba.id());
        assertThat(whatsapp.get("displayPhoneNumber").asString()).isEqualTo(waba.displayPhoneNumber());
        assertThat(whatsapp.get("accessToken").asString()).isEqualTo(TokenMask.mask(login.longToken()));
        // and each published ChannelConnected, as a pasted token does
        for (String externalId : List.of(page.id(), page.instagramId(), waba.phoneNumberId())) {
            ChannelConnected event = KafkaEvents.awaitFirst(Topics.CONVERSATION_CHANNELS.name(),
                    ChannelConnected.class, e -> e.getExternalId().equals(externalId)).getFirst().value();
            assertThat(event.getBusinessId()).isEqualTo(business);
        }
        login.assertNoTokenIn(output.getAll());

        // and a later login marks them already connected
        Login again = login(owner, login.pages(), login.wabas());
        JsonNode choices = owner.post("/api/channels/facebook/callback", again.callbackBody()).json().get("choices");
        for (JsonNode choice : choices) {
            assertThat(choice.get("alreadyConnected").asBoolean()).isTrue();
        }
    }

    @Test
    void eachPickSucceedsOrFailsOnItsOwnAndTheAnswerSaysWhy() {
        // Given a Page whose Instagram account another business connected already
        UUID business = UUID.randomUUID();
        Api owner = Api.asMemberOf(port, business, UUID.randomUUID(), "OWNER");
        FacebookStubs.Page page = FacebookStubs.page("Linen Shop", true);
        Login login = login(owner, List.of(page), List.of());
        String sessionId = owner.post("/api/channels/facebook/callback", login.callbackBody()).json()
                .get("sessionId").asString();
        StoredChannels.store(context, UUID.randomUUID(), "INSTAGRAM", page.instagramId(), GraphStubs.token());

        // When the owner connects both
        Api.Response outcome = owner.post("/api/channels/facebook/connect",
                connectBody(sessionId, "MESSENGER", page.id(), "INSTAGRAM", page.instagramId()));

        // Then Messenger is connected and Instagram is reported as a 409
        assertThat(outcome.status()).isEqualTo(201);
        assertThat(outcome.json().get("connected")).hasSize(1);
        JsonNode failed = outcome.json().get("failed").get(0);
        assertThat(failed.get("type").asString()).isEqualTo("INSTAGRAM");
        assertThat(failed.get("status").asInt()).isEqualTo(409);
        assertThat(failed.get("detail").asString()).contains("already connected");
        assertThat(owner.get("/api/channels").json()).hasSize(1);

        // and when nothing can be connected: 422 with the failures
        Api.Response none = owner.post("/api/channels/facebook/connect",
                connectBody(sessionId, "INSTAGRAM", page.instagramId()));
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.contentType()).contains("application/problem+json");
        assertThat(none.json().get("reason").asString()).isEqualTo("NOTHING_CONNECTED");
        assertThat(none.json().get("failed")).hasSize(1);
    }

    @Test
    void aPickTheSessionDidNotOfferRefusesTheWholeRequest() {
        UUID business = UUID.randomUUID();
        Api owner = Api.asMemberOf(port, business, UUID.randomUUID(), "OWNER");
        FacebookStubs.Page page = FacebookStubs.page("Linen Shop", false);
        Login login = login(owner, List.of(page), List.of());
        String sessionId = owner.post("/api/channels/facebook/callback", login.callbackBody()).json()
                .get("sessionId").asString();

        Api.Response refused = owner.post("/api/channels/facebook/connect",
                connectBody(sessionId, "MESSENGER", page.id(), "MESSENGER", FacebookStubs.id()));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.json().get("reason").asString()).isEqualTo("CHOICE_NOT_OFFERED");
        assertThat(owner.get("/api/channels").json()).isEmpty();
    }

    @Test
    void aStateIsSingleUseAndOnlyForTheMemberAndBusinessItWasGivenTo() {
        UUID business = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        Api owner = Api.asMemberOf(port, business, member, "OWNER");
        Login login = login(owner, List.of(FacebookStubs.page("Linen Shop", false)), List.of());

        // Another business's owner, another member of the same business, and a made-up state: refused
        Api stranger = Api.asMemberOf(port, UUID.randomUUID(), member, "OWNER");
        Api colleague = Api.asMemberOf(port, business, UUID.randomUUID(), "ADMIN");
        assertRefused(stranger.post("/api/channels/facebook/callback", login.callbackBody()), "STATE_INVALID");
        assertRefused(colleague.post("/api/channels/facebook/callback", login.callbackBody()), "STATE_INVALID");
        assertRefused(owner.post("/api/channels/facebook/callback", new Login(login.code(), "made-up-state", null,
                null, List.of(), List.of()).callbackBody()), "STATE_INVALID");
        ConversationTestInfrastructure.GRAPH.verify(0, getRequestedFor(urlPathEqualTo("/v23.0/oauth/access_token"))
                .withQueryParam("code", equalTo(login.code())));

        // The member's own state works once
        assertThat(owner.post("/api/channels/facebook/callback", login.callbackBody()).status()).isEqualTo(200);
        assertRefused(owner.post("/api/channels/facebook/callback", login.callbackBody()), "STATE_USED");
    }

    @Test
    void anExpiredStateIsRefusedWithoutAskingMeta() {
        UUID business = UUID.randomUUID();
        Api owner = Api.asMemberOf(port, business, UUID.randomUUID(), "OWNER");
        Login login = login(owner, List.of(FacebookStubs.page("Linen Shop", false)), List.of());
        // Eleven minutes later
        TenantContext.runAs(business, () -> jdbc.update("UPDATE facebook_logins SET state_expires_at = "
                + "now() - interval '1 minute' WHERE business_id = ?", business));

        assertRefused(owner.post("/api/channels/facebook/callback", login.callbackBody()), "STATE_EXPIRED");
        ConversationTestInfrastructure.GRAPH.verify(0, getRequestedFor(urlPathEqualTo("/v23.0/oauth/access_token"))
                .withQueryParam("code", equalTo(login.code())));
    }

    @Test
    void aCodeMetaRefusesStoresNoSession() {
        UUID business = UUID.randomUUID();
        Api owner = Api.asMemberOf(port, business, UUID.randomUUID(), "OWNER");
        String state = owner.post("/api/channels/facebook/login", "").json().get("state").asString();
        String code = "AQD" + UUID.randomUUID().toString().replace("-", "");
        FacebookStubs.codeRefused(code, "This authorization code has been used.", 36009);

        Api.Response refused = owner.post("/api/channels/facebook/callback",
                "{\"code\":\"" + code + "\",\"state\":\"" + state + "\"}");

        assertRefused(refused, "CODE_REFUSED");
        assertThat(refused.json().get("detail").asString()).contains("This authorization code has been used.");
        assertThat(TenantContext.callAs(business, () -> jdbc.queryForObject("SELECT count(*) FROM facebook_logins "
                + "WHERE business_id = ? AND session_ciphertext IS NOT NULL", Integer.class, business))).isZero();
    }

    @Test
    void aSessionIsOnlyItsMembersInItsBusinessAndExpires() {
        UUID business = UUID.randomUUID();
        Api owner = Api.asMemberOf(port, business, UUID.randomUUID(), "OWNER");
        FacebookStubs.Page page = FacebookStubs.page("Linen Shop", false);
        Login login = login(owner, List.of(page), List.of());
        String sessionId = owner.post("/api/channels/facebook/callback", login.callbackBody()).json()
                .get("sessionId").asString();
        String body = connectBody(sessionId, "MESSENGER", page.id());

        // Another business: 404, nothing connected there or here
        Api stranger = Api.asOwnerOf(port, UUID.randomUUID());
        Api.Response foreign = stranger.post("/api/channels/facebook/connect", body);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.contentType()).contains("application/problem+json");
        assertThat(stranger.get("/api/channels").json()).isEmpty();
        // Another member of the business: 404 too
        assertThat(Api.asMemberOf(port, business, UUID.randomUUID(), "ADMIN")
                .post("/api/channels/facebook/connect", body).status()).isEqualTo(404);
        assertThat(owner.get("/api/channels").json()).isEmpty();

        // Sixteen minutes later: expired
        TenantContext.runAs(business, () -> jdbc.update("UPDATE facebook_logins SET session_expires_at = "
                + "now() - interval '1 minute' WHERE business_id = ?", business));
        assertRefused(owner.post("/api/channels/facebook/connect", body), "SESSION_EXPIRED");
        assertThat(owner.get("/api/channels").json()).isEmpty();
    }

    @Test
    void anAgentCannotUseFacebookLogin() {
        UUID business = UUID.randomUUID();
        Api agent = Api.asMemberOf(port, business, UUID.randomUUID(), "AGENT");

        assertThat(agent.post("/api/channels/facebook/login", "").status()).isEqualTo(403);
        assertThat(agent.post("/api/channels/facebook/callback", "{\"code\":\"AQDx\",\"state\":\"s\"}").status())
                .isEqualTo(403);
        assertThat(agent.post("/api/channels/facebook/connect", connectBody(UUID.randomUUID().toString(),
                "MESSENGER", "1")).status()).isEqualTo(403);
        assertThat(TenantContext.callAs(business, () -> jdbc.queryForObject(
                "SELECT count(*) FROM facebook_logins WHERE business_id = ?", Integer.class, business))).isZero();
    }

    @Test
    void invalidBodiesAreProblems() {
        Api owner = Api.asOwnerOf(port, UUID.randomUUID());

        Api.Response callback = owner.post("/api/channels/facebook/callback", "{\"code\":\"\"}");
        Api.Response connect = owner.post("/api/channels/facebook/connect",
                "{\"sessionId\":\"" + UUID.randomUUID() + "\",\"choices\":[{\"type\":\"TELEGRAM\",\"externalId\":\"1\"}]}");

        assertThat(callback.status()).isEqualTo(400);
        assertThat(callback.contentType()).contains("application/problem+json");
        assertThat(connect.status()).isEqualTo(400);
        assertThat(connect.contentType()).contains("application/problem+json");
    }

    /** A login started by {@code api}, and Meta ready to answer its code. */
    private Login login(Api api, List<FacebookStubs.Page> pages, List<FacebookStubs.Waba> wabas) {
        String state = api.post("/api/channels/facebook/login", "").json().get("state").asString();
        Login login = new Login("AQD" + UUID.randomUUID().toString().replace("-", ""), state, GraphStubs.token(),
                GraphStubs.token(), pages, wabas);
        FacebookStubs.login(login.code(), login.shortToken(), login.longToken(), pages, wabas);
        return login;
    }

    private record Login(String code, String state, String shortToken, String longToken,
            List<FacebookStubs.Page> pages, List<FacebookStubs.Waba> wabas) {

        String callbackBody() {
            return "{\"code\":\"" + code + "\",\"state\":\"" + state + "\"}";
        }

        void assertNoTokenIn(String text) {
            assertThat(text).doesNotContain(code).doesNotContain(FacebookStubs.APP_SECRET);
            if (shortToken != null) {
                assertThat(text).doesNotContain(shortToken).doesNotContain(longToken);
            }
            for (FacebookStubs.Page page : pages) {
                assertThat(text).doesNotContain(page.token());
            }
        }
    }

    private static void assertRefused(Api.Response response, String reason) {
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(response.json().get("reason").asString()).isEqualTo(reason);
    }

    private static String connectBody(String sessionId, String... typeAndIds) {
        StringBuilder choices = new StringBuilder();
        for (int i = 0; i < typeAndIds.length; i += 2) {
            choices.append(i == 0 ? "" : ",").append("{\"type\":\"").append(typeAndIds[i])
                    .append("\",\"externalId\":\"").append(typeAndIds[i + 1]).append("\"}");
        }
        return "{\"sessionId\":\"" + sessionId + "\",\"choices\":[" + choices + "]}";
    }

    private static JsonNode choice(JsonNode choices, String type, String externalId) {
        for (JsonNode choice : choices) {
            if (choice.get("type").asString().equals(type) && choice.get("externalId").asString().equals(externalId)) {
                return choice;
            }
        }
        throw new AssertionError("No " + type + " choice " + externalId + " in " + choices);
    }

    private static JsonNode channel(JsonNode channels, String type) {
        for (JsonNode channel : channels) {
            if (channel.get("type").asString().equals(type)) {
                return channel;
            }
        }
        throw new AssertionError("No " + type + " channel in " + channels);
    }

    private static Map<String, String> query(String url) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String parameter : URI.create(url).getRawQuery().split("&")) {
            String[] pair = parameter.split("=", 2);
            query.put(pair[0], URLDecoder.decode(pair[1], StandardCharsets.UTF_8));
        }
        return query;
    }
}
