package com.sellavie.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox's Facebook Login answers the calls conversation-service's Facebook Login makes
 * (conversation-service/README.md) in Meta's shapes, so the local stack's "Connect with Facebook" works end to end.
 */
class SandboxFacebookLoginTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "local-app-secret-0123";
    private static final String REDIRECT = "http://localhost:8080/channels/facebook/callback";
    private static final String PAGE_TOKEN = "sandbox-page-token";
    private static final String PAGE_ID = "104000000000000";
    private static final Pattern LINK = Pattern.compile("<a[^>]*href=\"([^\"]+)\"[^>]*>([^<]+)</a>");

    @TempDir
    Path folder;

    private SandboxGraphApi api;
    private HttpClient http;

    @BeforeEach
    void start() throws Exception {
        api = SandboxGraphApi.start(freePort(), folder.resolve("outbound.jsonl"));
        http = HttpClient.newHttpClient();
        api.controls(PAGE_TOKEN, new SandboxGraphApi.FacebookPage(PAGE_ID, "Linen & Co"));
        api.controls("sandbox-whatsapp-token", new SandboxGraphApi.WhatsAppNumber("106540000000000",
                "102290000000000", "+1 555-010-0199", "Linen & Co"));
        api.acceptFacebookLogin(SECRET);
    }

    @AfterEach
    void stop() {
        http.close();
        api.close();
    }

    @Test
    void theDialogRedirectsTheDemoUserBackWithACodeAndTheStateOrWithMetasCancelError() throws Exception {
        Map<String, String> links = dialogLinks("st4te");

        Map<String, String> allow = query(links.get("Continue as demo user"));
        Map<String, String> cancel = query(links.get("Cancel"));

        assertThat(links.get("Continue as demo user")).startsWith(REDIRECT + "?");
        assertThat(allow.get("code")).isNotBlank();
        assertThat(allow).containsEntry("state", "st4te");
        assertThat(cancel).containsEntry("error", "access_denied").containsEntry("error_reason", "user_denied")
                .containsEntry("state", "st4te").containsKey("error_description");
        HttpResponse<String> otherApp = send(api.dialogUrl() + "?client_id=999&redirect_uri=" + encode(REDIRECT), null);
        assertThat(otherApp.statusCode()).isEqualTo(400);
    }

    @Test
    void theCodeBecomesALongLivedTokenThatListsThePagesTheirInstagramAndTheGrantedWhatsAppNumbers() throws Exception {
        String code = query(dialogLinks("s").get("Continue as demo user")).get("code");

        JsonNode shortLived = json(get("/oauth/access_token?client_id=" + SandboxFacebookLogin.APP_ID + "&redirect_uri="
                + encode(REDIRECT) + "&client_secret=" + SECRET + "&code=" + encode(code), null));
        JsonNode longLived = json(get("/oauth/access_token?grant_type=fb_exchange_token&client_id="
                + SandboxFacebookLogin.APP_ID + "&client_secret=" + SECRET + "&fb_exchange_token="
                + shortLived.path("access_token").asText(), null));
        String userToken = longLived.path("access_token").asText();

        assertThat(shortLived.path("token_type").asText()).isEqualTo("bearer");
        assertThat(userToken).isNotBlank().isNotEqualTo(shortLived.path("access_token").asText());
        JsonNode pages = json(get("/me/accounts?fields=id,name,access_token,instagram_business_account%7Bid,username%7D",
                userToken)).path("data");
        assertThat(pages).hasSize(2);
        JsonNode demo = find(pages, PAGE_ID);
        assertThat(demo.path("access_token").asText()).isEqualTo(PAGE_TOKEN);
        JsonNode boutique = find(pages, SandboxGraphApi.BOUTIQUE_PAGE_ID);
        assertThat(boutique.path("instagram_business_account").path("id").asText())
                .isEqualTo(SandboxGraphApi.BOUTIQUE_INSTAGRAM_ID);
        // the boutique's Page token proves the Page and its Instagram account as the ownership proof asks
        JsonNode me = json(get("/me?fields=id,name,instagram_business_account%7Bid,username%7D",
                boutique.path("access_token").asText()));
        assertThat(me.path("id").asText()).isEqualTo(SandboxGraphApi.BOUTIQUE_PAGE_ID);
        assertThat(me.path("instagram_business_account").path("id").asText())
                .isEqualTo(SandboxGraphApi.BOUTIQUE_INSTAGRAM_ID);
        // debug_token (app token) names the granted WABA; the user token reads its numbers and the number
        JsonNode debug = json(get("/debug_token?input_token=" + userToken,
                SandboxFacebookLogin.APP_ID + "|" + SECRET)).path("data");
        assertThat(debug.path("is_valid").asBoolean()).isTrue();
        assertThat(debug.path("granular_scopes").findValuesAsText("scope")).contains("whatsapp_business_management");
        assertThat(debug.path("granular_scopes").get(0).path("target_ids").get(0).asText()).isEqualTo("102290000000000");
        JsonNode numbers = json(get("/102290000000000/phone_numbers?fields=id,display_phone_number,verified_name",
                userToken)).path("data");
        assertThat(numbers.get(0).path("id").asText()).isEqualTo("106540000000000");
        assertThat(json(get("/106540000000000?fields=id", userToken)).path("display_phone_number").asText())
                .isEqualTo("+1 555-010-0199");
    }

    @Test
    void aCodeWorksOnceAndOnlyWithTheAppsSecretAndRedirectUri() throws Exception {
        String code = query(dialogLinks("s").get("Continue as demo user")).get("code");
        String exchange = "/oauth/access_token?client_id=" + SandboxFacebookLogin.APP_ID + "&redirect_uri="
                + encode(REDIRECT) + "&code=" + encode(code) + "&client_secret=";

        HttpResponse<String> wrongSecret = get(exchange + "not-the-secret", null);
        HttpResponse<String> first = get(exchange + SECRET, null);
        HttpResponse<String> again = get(exchange + SECRET, null);
        HttpResponse<String> madeUp = get(exchange.replace(encode(code), "AQDmadeup") + SECRET, null);

        assertThat(wrongSecret.statusCode()).isEqualTo(400);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json(again).path("error").path("code").asInt()).isEqualTo(100);
        assertThat(json(again).path("error").path("error_subcode").asInt()).isEqualTo(36009);
        assertThat(json(madeUp).path("error").path("code").asInt()).isEqualTo(100);
        HttpResponse<String> debugWithoutAppToken = get("/debug_token?input_token=x", "some-user-token");
        assertThat(json(debugWithoutAppToken).path("error").path("code").asInt()).isEqualTo(190);
    }

    private Map<String, String> dialogLinks(String state) throws Exception {
        HttpResponse<String> page = send(api.dialogUrl() + "?client_id=" + SandboxFacebookLogin.APP_ID
                + "&redirect_uri=" + encode(REDIRECT) + "&state=" + state + "&response_type=code&scope=pages_show_list",
                null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("html"));
        Map<String, String> links = new LinkedHashMap<>();
        Matcher link = LINK.matcher(page.body());
        while (link.find()) {
            links.put(link.group(2), link.group(1).replace("&amp;", "&"));
        }
        assertThat(links).containsKeys("Continue as demo user", "Cancel");
        return links;
    }

    private static JsonNode find(JsonNode pages, String id) {
        for (JsonNode page : pages) {
            if (page.path("id").asText().equals(id)) {
                return page;
            }
        }
        throw new AssertionError("No Page " + id + " in " + pages);
    }

    private static Map<String, String> query(String url) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String parameter : URI.create(url).getRawQuery().split("&")) {
            String[] pair = parameter.split("=", 2);
            query.put(pair[0], URLDecoder.decode(pair[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String pathAndQuery, String token) throws Exception {
        return send(api.graphUrl() + pathAndQuery, token);
    }

    private HttpResponse<String> send(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
