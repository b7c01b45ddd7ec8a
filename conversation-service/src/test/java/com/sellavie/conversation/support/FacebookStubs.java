package com.sellavie.conversation.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Meta's side of Facebook Login for Business, shaped like Meta's docs ("Manually Build a Login Flow",
 * "Long-Lived Access Tokens", Page {@code /me/accounts}, {@code debug_token} granular_scopes and
 * {@code /{waba-id}/phone_numbers}), including the OAuth errors (code 100 on a bad or used code).
 */
public final class FacebookStubs {

    public static final String APP_ID = "1234567890123456";
    public static final String APP_SECRET = "test-app-secret-5f1d8c0a9b7e";
    public static final String REDIRECT_URI = "http://console.test/channels/facebook/callback";
    private static final String V = "/v23.0";
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000);

    /** A Page the user manages, optionally linked to an Instagram professional account. */
    public record Page(String id, String name, String token, String instagramId, String instagramUsername) {
    }

    /** A WhatsApp Business Account the user granted, with one phone number. */
    public record Waba(String id, String phoneNumberId, String displayPhoneNumber, String verifiedName) {
    }

    private FacebookStubs() {
    }

    /** A fresh numeric Meta id. */
    public static String id() {
        return "17" + IDS.incrementAndGet();
    }

    public static Page page(String name, boolean withInstagram) {
        return new Page(id(), name, GraphStubs.token(), withInstagram ? id() : null,
                withInstagram ? name.toLowerCase().replace(' ', '.') : null);
    }

    public static Waba waba(String verifiedName) {
        return new Waba(id(), id(), "+1 631-555-" + (1000 + IDS.get() % 9000), verifiedName);
    }

    /** The code becomes {@code shortToken}, then {@code longToken}, which reads these Pages and WABAs. */
    public static void login(String code, String shortToken, String longToken, List<Page> pages, List<Waba> wabas) {
        stub(oauth().withQueryParam("code", equalTo(code)).withQueryParam("redirect_uri", equalTo(REDIRECT_URI)),
                200, "{\"access_token\":\"" + shortToken + "\",\"token_type\":\"bearer\",\"expires_in\":5183944}");
        stub(oauth().withQueryParam("grant_type", equalTo("fb_exchange_token"))
                        .withQueryParam("fb_exchange_token", equalTo(shortToken)),
                200, "{\"access_token\":\"" + longToken + "\",\"token_type\":\"bearer\",\"expires_in\":5183944}");
        String data = pages.stream().map(FacebookStubs::pageJson).collect(Collectors.joining(","));
        stub(get(urlPathEqualTo(V + "/me/accounts")).withHeader("Authorization", equalTo("Bearer " + longToken)),
                200, "{\"data\":[" + data + "],\"paging\":{\"cursors\":{\"before\":\"MTAxNTExOTQ1MjAwNzI5NDE=\","
                        + "\"after\":\"NDMyNzQyODI3OTQw\"}}}");
        String wabaIds = wabas.stream().map(w -> "\"" + w.id() + "\"").collect(Collectors.joining(","));
        stub(get(urlPathEqualTo(V + "/debug_token")).withQueryParam("input_token", equalTo(longToken))
                        .withHeader("Authorization", equalTo("Bearer " + APP_ID + "|" + APP_SECRET)),
                200, "{\"data\":{\"app_id\":\"" + APP_ID + "\",\"type\":\"USER\",\"application\":\"Sellavie\","
                        + "\"data_access_expires_at\":1672092840,\"expires_at\":1665090000,\"is_valid\":true,"
                        + "\"scopes\":[\"pages_show_list\",\"pages_messaging\",\"whatsapp_business_management\","
                        + "\"whatsapp_business_messaging\",\"public_profile\"],\"granular_scopes\":["
                        + "{\"scope\":\"pages_show_list\",\"target_ids\":[]},"
                        + "{\"scope\":\"whatsapp_business_management\",\"target_ids\":[" + wabaIds + "]},"
                        + "{\"scope\":\"whatsapp_business_messaging\",\"target_ids\":[" + wabaIds + "]}],"
                        + "\"user_id\":\"10222270944537964\"}}");
        for (Waba waba : wabas) {
            String number = "{\"verified_name\":\"" + waba.verifiedName() + "\",\"display_phone_number\":\""
                    + waba.displayPhoneNumber() + "\",\"id\":\"" + waba.phoneNumberId()
                    + "\",\"quality_rating\":\"GREEN\"}";
            stub(get(urlPathEqualTo(V + "/" + waba.id() + "/phone_numbers"))
                    .withHeader("Authorization", equalTo("Bearer " + longToken)), 200, "{\"data\":[" + number
                    + "],\"paging\":{\"cursors\":{\"before\":\"QVFIUmx\",\"after\":\"QVFIUmx\"}}}");
            // The ownership proof reads the number itself with the same token.
            stub(get(urlPathEqualTo(V + "/" + waba.phoneNumberId()))
                    .withHeader("Authorization", equalTo("Bearer " + longToken)), 200, number);
        }
        for (Page page : pages) {
            GraphStubs.page(page.token(), page.id(), page.name(), page.instagramId(), page.instagramUsername());
        }
    }

    /** Meta's answer to a code it will not exchange (made up, expired or already used): code 100. */
    public static void codeRefused(String code, String message, int subcode) {
        stub(oauth().withQueryParam("code", equalTo(code)), 400, "{\"error\":{\"message\":\"" + message
                + "\",\"type\":\"OAuthException\",\"code\":100,\"error_subcode\":" + subcode
                + ",\"fbtrace_id\":\"A7qJbcUl0yd8Fq1Zz9Hy4sH\"}}");
    }

    private static String pageJson(Page page) {
        String instagram = page.instagramId() == null ? "" : ",\"instagram_business_account\":{\"id\":\""
                + page.instagramId() + "\",\"username\":\"" + page.instagramUsername() + "\",\"name\":\""
                + page.name() + "\"}";
        return "{\"id\":\"" + page.id() + "\",\"name\":\"" + page.name() + "\",\"access_token\":\"" + page.token()
                + "\"" + instagram + "}";
    }

    private static MappingBuilder oauth() {
        return get(urlPathEqualTo(V + "/oauth/access_token")).withQueryParam("client_id", equalTo(APP_ID))
                .withQueryParam("client_secret", equalTo(APP_SECRET));
    }

    private static void stub(MappingBuilder request, int status, String body) {
        ConversationTestInfrastructure.GRAPH.stubFor(request.willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }
}
