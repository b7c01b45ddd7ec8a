package com.sellavie.conversation.channel;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Meta's side of Facebook Login: the code becomes a short-lived, then a long-lived user token
 * ({@code GET /oauth/access_token}, as Meta's "Manually Build a Login Flow" and "Long-Lived Access Tokens"
 * pages show), and that token lists what the user can connect: their Pages ({@code GET /me/accounts}, each
 * a Messenger choice, its linked Instagram professional account an Instagram one) and the numbers of the
 * WhatsApp Business Accounts they granted ({@code GET /debug_token} granular_scopes, then
 * {@code GET /{waba-id}/phone_numbers}). Never inside a transaction; tokens never logged.
 */
@Component
class FacebookAccounts {

    private static final Logger log = LoggerFactory.getLogger(FacebookAccounts.class);
    private static final String NUMERIC = "[0-9]{1,64}";

    private final GraphApiClient graph;
    private final FacebookLoginProperties properties;
    private final MeterRegistry meters;

    FacebookAccounts(GraphApiClient graph, FacebookLoginProperties properties, MeterRegistry meters) {
        this.graph = graph;
        this.properties = properties;
        this.meters = meters;
    }

    /** The long-lived user token for this code; {@link GraphApiClient.Refused} when Meta refuses the code. */
    String userToken(String code) {
        JsonNode shortLived = graph.get("/oauth/access_token?client_id=" + encode(properties.appId())
                + "&redirect_uri=" + encode(properties.redirectUri()) + "&client_secret="
                + encode(properties.appSecret()) + "&code=" + encode(code), null);
        JsonNode longLived = graph.get("/oauth/access_token?grant_type=fb_exchange_token&client_id="
                + encode(properties.appId()) + "&client_secret=" + encode(properties.appSecret())
                + "&fb_exchange_token=" + encode(token(shortLived)), null);
        return token(longLived);
    }

    List<FacebookChoice> choices(String userToken) {
        List<FacebookChoice> choices = new ArrayList<>();
        JsonNode pages = graph.get("/me/accounts?fields=id,name,access_token,"
                + "instagram_business_account%7Bid,username,name%7D&limit=100", userToken);
        for (JsonNode page : pages.path("data")) {
            String pageId = page.path("id").asString("");
            String pageToken = page.path("access_token").asString("");
            if (!pageId.matches(NUMERIC) || pageToken.isBlank()) {
                continue; // a Page the user cannot manage messages for comes without a token
            }
            choices.add(new FacebookChoice("MESSENGER", pageId, text(page, "name"), pageId, null, null, pageToken));
            JsonNode instagram = page.path("instagram_business_account");
            if (instagram.path("id").asString("").matches(NUMERIC)) {
                String name = text(instagram, "username") != null ? text(instagram, "username") : text(instagram, "name");
                choices.add(new FacebookChoice("INSTAGRAM", instagram.path("id").asString(), name, pageId, null,
                        null, pageToken));
            }
        }
        for (String wabaId : grantedWhatsAppAccounts(userToken)) {
            choices.addAll(whatsappNumbers(wabaId, userToken));
        }
        return choices;
    }

    /** The WABAs the user granted whatsapp_business_management on (debug_token with the app token). */
    private Set<String> grantedWhatsAppAccounts(String userToken) {
        JsonNode debug = graph.get("/debug_token?input_token=" + encode(userToken),
                properties.appId() + "|" + properties.appSecret());
        Set<String> wabas = new LinkedHashSet<>();
        for (JsonNode granted : debug.path("data").path("granular_scopes")) {
            if ("whatsapp_business_management".equals(granted.path("scope").asString(""))) {
                for (JsonNode id : granted.path("target_ids")) {
                    if (id.asString("").matches(NUMERIC)) {
                        wabas.add(id.asString());
                    }
                }
            }
        }
        return wabas;
    }

    /** One WABA Meta refuses to list (say, access removed meanwhile) does not hide the other accounts. */
    private List<FacebookChoice> whatsappNumbers(String wabaId, String userToken) {
        List<FacebookChoice> numbers = new ArrayList<>();
        try {
            JsonNode listed = graph.get("/" + wabaId + "/phone_numbers?fields=id,display_phone_number,verified_name",
                    userToken);
            for (JsonNode number : listed.path("data")) {
                String id = number.path("id").asString("");
                if (id.matches(NUMERIC)) {
                    numbers.add(new FacebookChoice("WHATSAPP", id, text(number, "verified_name"), null, wabaId,
                            text(number, "display_phone_number"), userToken));
                }
            }
        } catch (GraphApiClient.Refused refused) {
            meters.counter("sellavie.channels.facebook_login.waba_refusals").increment();
            log.warn("WhatsApp Business Account {} granted at Facebook Login but its numbers were refused (code {}): {}",
                    wabaId, refused.code(), refused.getMessage());
        }
        return numbers;
    }

    private static String token(JsonNode answer) {
        String token = answer.path("access_token").asString("");
        if (token.isBlank()) {
            throw new GraphApiClient.Refused(200, null, "Meta's answer carried no access_token");
        }
        return token;
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).asString("");
        return value.isBlank() ? null : value;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
