package com.sellavie.conversation.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Meta's Graph API answers to the calls that prove a channel's ownership, shaped like Meta's
 * (PROVIDERS.md §1), each for one token (matched on {@code Authorization: Bearer}).
 */
public final class GraphStubs {

    private static final String V = "/v23.0";

    private GraphStubs() {
    }

    /** A fresh token that looks like Meta's. */
    public static String token() {
        return "EAAB" + UUID.randomUUID().toString().replace("-", "") + "ZD4f2a";
    }

    /** Instagram Login token of account {@code accountId} ({@code GET /me?fields=id,username}). */
    public static void instagramAccount(String token, String accountId, String username) {
        me(token, "{\"id\":\"" + accountId + "\",\"username\":\"" + username + "\"}");
    }

    /** A Page token; the Page is linked to Instagram account {@code instagramId} (or none when null). */
    public static void page(String token, String pageId, String pageName, String instagramId, String username) {
        String instagram = instagramId == null ? "" : ",\"instagram_business_account\":{\"id\":\"" + instagramId
                + "\",\"username\":\"" + username + "\"}";
        me(token, "{\"id\":\"" + pageId + "\",\"name\":\"" + pageName + "\"" + instagram + "}");
    }

    /** A WhatsApp number readable with the token, and the WABA's numbers ({@code GET /{waba}/phone_numbers}). */
    public static void whatsapp(String token, String phoneNumberId, String displayPhoneNumber, String verifiedName,
            String wabaId, String... wabaNumberIds) {
        ok(token, "/" + phoneNumberId, "{\"verified_name\":\"" + verifiedName + "\",\"display_phone_number\":\""
                + displayPhoneNumber + "\",\"id\":\"" + phoneNumberId + "\"}");
        String data = Arrays.stream(wabaNumberIds).map(id -> "{\"id\":\"" + id + "\"}")
                .collect(Collectors.joining(","));
        ok(token, "/" + wabaId + "/phone_numbers", "{\"data\":[" + data + "],\"paging\":{\"cursors\":"
                + "{\"before\":\"QVFI\",\"after\":\"QVFI\"}}}");
    }

    /** Every call with this token: Meta's 190 (expired or invalidated). */
    public static void tokenInvalid(String token) {
        everyCall(token, aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody(error("Error validating access token: Session has expired on Friday, 27-Nov-26 "
                        + "10:00:00 PST.", "OAuthException", 190)));
    }

    /** Every call with this token: Meta's 100/33 (the object is not readable with it). */
    public static void noAccess(String token) {
        everyCall(token, aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody(error("Unsupported get request. Object with ID '123' does not exist, cannot be loaded due "
                        + "to missing permissions, or does not support this operation.", "GraphMethodException", 100)));
    }

    /** Every call with this token: Meta down (503). */
    public static void unavailable(String token) {
        everyCall(token, aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                .withBody(error("Service temporarily unavailable", "OAuthException", 2)));
    }

    public static String error(String message, String type, int code) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"code\":" + code
                + ",\"fbtrace_id\":\"AbCdEf123\"}}";
    }

    private static void me(String token, String body) {
        ok(token, "/me", body);
    }

    private static void ok(String token, String path, String body) {
        ConversationTestInfrastructure.GRAPH.stubFor(get(urlPathEqualTo(V + path))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    private static void everyCall(String token, ResponseDefinitionBuilder response) {
        ConversationTestInfrastructure.GRAPH.stubFor(any(anyUrl())
                .withHeader("Authorization", equalTo("Bearer " + token)).atPriority(1).willReturn(response));
    }
}
