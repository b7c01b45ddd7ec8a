package com.sellavie.systemtests.stack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Meta's Graph API as a WireMock server: the Instagram and Messenger Send API ({@code POST
 * /v23.0/me/messages} or {@code /v23.0/<id>/messages}) answers {@code {"recipient_id","message_id"}},
 * the WhatsApp Cloud API (same path, {@code "messaging_product":"whatsapp"}) answers
 * {@code {"messaging_product","contacts","messages":[{"id":"wamid…"}]}}, as Meta does (PROVIDERS.md
 * §1.7), and every call is kept so tests can count what reached Meta. Connecting a channel asks Meta
 * what the token controls: {@link #instagramAccount}, {@link #messengerPage} and
 * {@link #whatsappNumber} answer that for one token (matched on its {@code Authorization} header).
 * Facebook Login for Business ({@link #facebookLoginApp}, {@link #facebookLogin}): the OAuth dialog, the
 * code and long-lived token exchanges, {@code /me/accounts} and {@code /debug_token}, as Meta documents them.
 */
public final class MetaGraphApi implements AutoCloseable {

    static final String VERSION_PATH = "/v23.0";
    /** The Meta app conversation-service's Facebook Login uses in the stack (SELLAVIE_META_APP_ID). */
    public static final String APP_ID = "1000000000000051";
    private static final String DIALOG_PATH = VERSION_PATH + "/dialog/oauth";
    private static final String CANCEL_SCENARIO = "facebook-login-cancelled-once";
    private static final Pattern SEND_PATH = Pattern.compile("/v23\\.0/[^/]+/messages");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;
    private final List<StubMapping> faults = new CopyOnWriteArrayList<>();
    private volatile String appSecret;
    private volatile String loginRedirectUri;

    private MetaGraphApi(WireMockServer server) {
        this.server = server;
    }

    static MetaGraphApi start() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(20));
        server.start();
        server.stubFor(post(urlPathMatching(SEND_PATH.pattern())).willReturn(accepted()));
        server.stubFor(post(urlPathMatching(SEND_PATH.pattern()))
                .withRequestBody(matchingJsonPath("$.messaging_product", equalTo("whatsapp")))
                .willReturn(acceptedByWhatsApp()));
        return new MetaGraphApi(server);
    }

    /** Meta's answer to an accepted send (PROVIDERS.md §1.7). */
    private static ResponseDefinitionBuilder accepted() {
        return aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"recipient_id\":\"{{jsonPath request.body '$.recipient.id'}}\","
                        + "\"message_id\":\"m_{{randomValue length=32 type='ALPHANUMERIC'}}\"}")
                .withTransformers("response-template");
    }

    /** The WhatsApp Cloud API's answer to an accepted send (PROVIDERS.md §1.7): the wamid in {@code messages[0].id}. */
    private static ResponseDefinitionBuilder acceptedByWhatsApp() {
        return aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"{{jsonPath request.body '$.to'}}\","
                        + "\"wa_id\":\"{{jsonPath request.body '$.to'}}\"}],"
                        + "\"messages\":[{\"id\":\"wamid.{{randomValue length=32 type='ALPHANUMERIC'}}\"}]}")
                .withTransformers("response-template");
    }

    /**
     * Meta's answer to {@code GET /v23.0/me?fields=id,name} with a Page token: the Page it controls,
     * so a {@code MESSENGER} channel's ownership is proven.
     */
    public void messengerPage(String accessToken, String pageId, String pageName) {
        answer(accessToken, VERSION_PATH + "/me", "{\"id\":\"" + pageId + "\",\"name\":\"" + pageName + "\"}");
    }

    /**
     * Meta's answers for a WhatsApp number readable with the token ({@code GET /v23.0/<phone-number-id>})
     * and its WABA listing it ({@code GET /v23.0/<waba-id>/phone_numbers}), so a {@code WHATSAPP}
     * channel's ownership is proven.
     */
    public void whatsappNumber(String accessToken, String phoneNumberId, String displayPhoneNumber, String verifiedName,
            String wabaId) {
        answer(accessToken, VERSION_PATH + "/" + phoneNumberId, "{\"verified_name\":\"" + verifiedName
                + "\",\"display_phone_number\":\"" + displayPhoneNumber + "\",\"id\":\"" + phoneNumberId + "\"}");
        answer(accessToken, VERSION_PATH + "/" + wabaId + "/phone_numbers", "{\"data\":[{\"id\":\"" + phoneNumberId
                + "\"}],\"paging\":{\"cursors\":{\"before\":\"QVFI\",\"after\":\"QVFI\"}}}");
    }

    private void answer(String accessToken, String path, String json) {
        server.stubFor(get(urlPathEqualTo(path))
                .withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json)));
    }

    /**
     * Meta's user profile API for an Instagram customer ({@code GET /v23.0/<igsid>?fields=name,username,profile_pic}
     * with the channel's token): what conversation-service fills the contact's name and handle from.
     */
    public void instagramUserProfile(String channelToken, String igsid, String name, String username) {
        answer(channelToken, VERSION_PATH + "/" + igsid, "{\"id\":\"" + igsid + "\",\"name\":\"" + name
                + "\",\"username\":\"" + username + "\"}");
    }

    /**
     * Meta's answer to {@code GET /v23.0/me?fields=id,username} with this Instagram Login token: the
     * account it controls, so {@code POST /api/channels} can prove the channel's ownership.
     */
    public void instagramAccount(String accessToken, String accountId, String username) {
        server.stubFor(get(urlPathEqualTo(VERSION_PATH + "/me"))
                .withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"" + accountId + "\",\"username\":\"" + username + "\"}")));
    }

    /**
     * The Meta app's secret and the console's redirect URI, as conversation-service knows them: the
     * code exchange is answered only for those (Meta refuses another secret or redirect URI).
     */
    void facebookLoginApp(String secret, String redirectUri) {
        this.appSecret = secret;
        this.loginRedirectUri = redirectUri;
    }

    /** The value for {@code SELLAVIE_META_DIALOG_URL}: Meta's OAuth dialog, answered here. */
    public String dialogUrl() {
        return "http://127.0.0.1:" + server.port() + DIALOG_PATH;
    }

    /**
     * Facebook Login for Business for one Facebook user (Meta's "Manually Build a Login Flow",
     * "Long-Lived Access Tokens", "Debug Token" and "Facebook Login for Business" pages): the OAuth
     * dialog grants at once, redirecting to {@code redirect_uri?code=<user's code>&state=<state>} (the
     * latest user registered here: the dialog cannot tell browsers apart); {@code GET /oauth/access_token}
     * turns that code into a short-lived user token and that into a long-lived one; {@code GET
     * /me/accounts} with it lists the user's one Page with its Page token and linked Instagram
     * professional account; {@code GET /debug_token} (app token) shows the Page scopes granted and no
     * WhatsApp Business Account; and {@code GET /me} with the Page token answers the Page and its
     * Instagram account, so connecting either is proven.
     */
    public void facebookLogin(FacebookUser user) {
        if (appSecret == null) {
            throw new IllegalStateException("facebookLoginApp was not called: the stack gives conversation-service the app");
        }
        String shortLived = "EAAGsl" + java.util.UUID.randomUUID().toString().replace("-", "");
        String longLived = "EAAGll" + java.util.UUID.randomUUID().toString().replace("-", "");
        server.stubFor(get(urlPathEqualTo(DIALOG_PATH))
                .withQueryParam("client_id", equalTo(APP_ID))
                .withQueryParam("redirect_uri", equalTo(loginRedirectUri))
                .withQueryParam("response_type", equalTo("code"))
                .willReturn(aResponse().withStatus(302)
                        .withHeader("Location", "{{{request.query.redirect_uri}}}?code=" + user.code()
                                + "&state={{{request.query.state}}}")
                        .withTransformers("response-template")));
        server.stubFor(get(urlPathEqualTo(VERSION_PATH + "/oauth/access_token"))
                .withQueryParam("client_id", equalTo(APP_ID))
                .withQueryParam("client_secret", equalTo(appSecret))
                .withQueryParam("redirect_uri", equalTo(loginRedirectUri))
                .withQueryParam("code", equalTo(user.code()))
                .willReturn(json(tokenAnswer(shortLived, 5183944))));
        server.stubFor(get(urlPathEqualTo(VERSION_PATH + "/oauth/access_token"))
                .withQueryParam("grant_type", equalTo("fb_exchange_token"))
                .withQueryParam("client_id", equalTo(APP_ID))
                .withQueryParam("client_secret", equalTo(appSecret))
                .withQueryParam("fb_exchange_token", equalTo(shortLived))
                .willReturn(json(tokenAnswer(longLived, 5183944))));
        String instagram = "{\"id\":\"" + user.instagramAccountId() + "\",\"username\":\"" + user.instagramUsername()
                + "\"";
        server.stubFor(get(urlPathEqualTo(VERSION_PATH + "/me/accounts"))
                .withHeader("Authorization", equalTo("Bearer " + longLived))
                .willReturn(json("{\"data\":[{\"id\":\"" + user.pageId() + "\",\"name\":\"" + user.pageName()
                        + "\",\"access_token\":\"" + user.pageToken() + "\",\"instagram_business_account\":" + instagram
                        + ",\"name\":\"" + user.pageName() + "\"}}],"
                        + "\"paging\":{\"cursors\":{\"before\":\"MAZDZD\",\"after\":\"MAZDZD\"}}}")));
        server.stubFor(get(urlPathEqualTo(VERSION_PATH + "/debug_token"))
                .withQueryParam("input_token", equalTo(longLived))
                .withHeader("Authorization", equalTo("Bearer " + APP_ID + "|" + appSecret))
                .willReturn(json("{\"data\":{\"app_id\":\"" + APP_ID + "\",\"type\":\"USER\","
                        + "\"application\":\"Sellavie (system tests)\",\"expires_at\":"
                        + (System.currentTimeMillis() / 1000 + 5183944) + ",\"is_valid\":true,"
                        + "\"scopes\":[\"pages_show_list\",\"pages_messaging\",\"instagram_basic\","
                        + "\"instagram_manage_messages\"],\"granular_scopes\":["
                        + "{\"scope\":\"pages_show_list\",\"target_ids\":[\"" + user.pageId() + "\"]},"
                        + "{\"scope\":\"pages_messaging\",\"target_ids\":[\"" + user.pageId() + "\"]},"
                        + "{\"scope\":\"instagram_manage_messages\",\"target_ids\":[\"" + user.instagramAccountId()
                        + "\"]}],\"user_id\":\"" + user.userId() + "\"}}")));
        answer(user.pageToken(), VERSION_PATH + "/me", "{\"id\":\"" + user.pageId() + "\",\"name\":\""
                + user.pageName() + "\",\"instagram_business_account\":" + instagram + "}}");
    }

    /**
     * The next OAuth dialog only is answered as when the user clicks "Cancel": Meta redirects to
     * {@code redirect_uri?error_reason=user_denied&error=access_denied&error_description=Permissions+error.}
     * (with the state); the dialogs after it grant again ({@link #facebookLogin}).
     */
    public void cancelNextFacebookLogin() {
        server.stubFor(get(urlPathEqualTo(DIALOG_PATH)).atPriority(1)
                .inScenario(CANCEL_SCENARIO).whenScenarioStateIs(STARTED).willSetStateTo("cancelled")
                .willReturn(aResponse().withStatus(302)
                        .withHeader("Location", "{{{request.query.redirect_uri}}}?error_reason=user_denied"
                                + "&error=access_denied&error_description=Permissions+error.&state={{{request.query.state}}}")
                        .withTransformers("response-template")));
        server.setScenarioState(CANCEL_SCENARIO, STARTED);
    }

    /** A Facebook user as Meta knows them: their login code, their Page (with its token) and its Instagram account. */
    public record FacebookUser(String userId, String code, String pageId, String pageName, String pageToken,
            String instagramAccountId, String instagramUsername) {
    }

    private static String tokenAnswer(String token, int expiresIn) {
        return "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn + "}";
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** Until {@link #heal()}: every send answered {@code status} with Meta's transient error body (code 2). */
    public void failSends(int status) {
        fault(post(urlPathMatching(SEND_PATH.pattern())), aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Service temporarily unavailable\",\"type\":\"OAuthException\","
                        + "\"code\":2,\"is_transient\":true,\"fbtrace_id\":\"AbCdEf\"}}"));
    }

    /** Until {@link #heal()}: every send is accepted, but only after {@code delay} (longer than the client waits: a timeout). */
    public void delaySends(java.time.Duration delay) {
        fault(post(urlPathMatching(SEND_PATH.pattern())), accepted().withFixedDelay((int) delay.toMillis()));
    }

    /** Until {@link #heal()}: sends made with one channel's token are accepted after {@code delay}. */
    public void delaySendsWithToken(String accessToken, java.time.Duration delay) {
        fault(post(urlPathMatching(SEND_PATH.pattern())).withHeader("Authorization", equalTo("Bearer " + accessToken)),
                accepted().withFixedDelay((int) delay.toMillis()));
    }

    /** Until {@link #heal()}: sends to one customer are accepted after {@code delay}. */
    public void delaySendsTo(String recipientId, java.time.Duration delay) {
        fault(post(urlPathMatching(SEND_PATH.pattern()))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.recipient.id",
                                equalTo(recipientId))),
                accepted().withFixedDelay((int) delay.toMillis()));
    }

    /**
     * Until {@link #heal()}: the first send to one customer is accepted only after {@code delay} (the client has
     * given up: its outcome is unknown to the sender); every later one at once, as a retried send would be.
     */
    public void delayFirstSendTo(String recipientId, java.time.Duration delay) {
        fault(post(urlPathMatching(SEND_PATH.pattern()))
                        .withRequestBody(matchingJsonPath("$.recipient.id", equalTo(recipientId)))
                        .inScenario("first send to " + recipientId).whenScenarioStateIs(STARTED)
                        .willSetStateTo("answered"),
                accepted().withFixedDelay((int) delay.toMillis()));
    }

    /** Removes every fault: sends are accepted at once again. */
    public void heal() {
        faults.forEach(server::removeStub);
        faults.clear();
    }

    private void fault(MappingBuilder request, ResponseDefinitionBuilder response) {
        faults.add(server.stubFor(request.atPriority(1).willReturn(response)));
    }

    /** Every send Meta accepted (answered 200, whether or not the client waited for it), oldest first. */
    public List<Delivery> deliveries() {
        return server.getAllServeEvents().stream()
                .filter(e -> "POST".equals(e.getRequest().getMethod().getName()))
                .filter(e -> SEND_PATH.matcher(pathOf(e)).matches())
                .filter(e -> e.getResponse() != null && e.getResponse().getStatus() == 200)
                .map(e -> new Delivery(toCall(e).recipientId(), e.getRequest().getLoggedDate().getTime()))
                .sorted(Comparator.comparingLong(Delivery::receivedAtMillis))
                .toList();
    }

    /** A send Meta accepted: to whom, and when it arrived (epoch ms, this machine's clock). */
    public record Delivery(String recipientId, long receivedAtMillis) {
    }

    /** The value for {@code SELLAVIE_META_GRAPH_URL}: base URL with the pinned version. */
    public String graphUrl() {
        return "http://127.0.0.1:" + server.port() + VERSION_PATH;
    }

    /** Every Send API call received so far, oldest first. */
    public List<SendApiCall> sendApiCalls() {
        return server.getAllServeEvents().stream()
                .filter(e -> "POST".equals(e.getRequest().getMethod().getName()))
                .filter(e -> SEND_PATH.matcher(pathOf(e)).matches())
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(MetaGraphApi::toCall)
                .toList();
    }

    /** The Send API calls addressed to one customer (IGSID, PSID or WhatsApp wa_id). */
    public List<SendApiCall> sendApiCallsTo(String recipientId) {
        return sendApiCalls().stream().filter(c -> recipientId.equals(c.recipientId())).toList();
    }

    private static String pathOf(ServeEvent event) {
        String url = event.getRequest().getUrl();
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static SendApiCall toCall(ServeEvent event) {
        try {
            JsonNode body = JSON.readTree(event.getRequest().getBodyAsString());
            // WhatsApp addresses the customer as "to" and carries the text in text.body.
            boolean whatsapp = "whatsapp".equals(body.path("messaging_product").asText());
            String recipient = whatsapp ? body.path("to").asText(null) : body.path("recipient").path("id").asText(null);
            String text = whatsapp ? body.path("text").path("body").asText(null)
                    : body.path("message").path("text").asText(null);
            return new SendApiCall(pathOf(event), recipient, text, event.getRequest().getHeader("Authorization"),
                    event.getRequest().getBodyAsString(), event.getRequest().getHeader("traceparent"));
        } catch (IOException e) {
            throw new UncheckedIOException("Send API call with a body that is not JSON", e);
        }
    }

    /**
     * One call of the Send API as Meta received it: {@code recipientId} is {@code recipient.id}
     * (Instagram, Messenger) or {@code to} (WhatsApp), {@code text} the message's text either way;
     * {@code traceparent} the W3C trace context the sender's client span put on the call (null if none).
     */
    public record SendApiCall(String path, String recipientId, String text, String authorization, String body,
            String traceparent) {

        /** The trace id of {@link #traceparent} ({@code 00-<trace id>-<span id>-<flags>}), or null. */
        public String traceId() {
            return traceparent == null ? null : traceparent.split("-")[1];
        }

        /** The span id of {@link #traceparent}: the sender's client span. */
        public String spanId() {
            return traceparent == null ? null : traceparent.split("-")[2];
        }

        /** The request body as JSON, for the fields one channel type sends. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
