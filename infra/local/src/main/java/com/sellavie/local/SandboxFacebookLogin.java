package com.sellavie.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sandbox Graph API's Facebook Login for Business, so "Connect with Facebook" works offline: the
 * OAuth dialog ({@code GET /{version}/dialog/oauth}: a page with "Continue as demo user" and "Cancel",
 * redirecting to {@code redirect_uri} with {@code code} and {@code state}, or with
 * {@code error=access_denied} as Meta does when the user cancels), the code and long-lived token
 * exchanges ({@code GET /oauth/access_token}), {@code GET /debug_token} with granular_scopes, and what
 * the demo user's token reads: {@code /me/accounts} (every Page the sandbox knows, with its Page token
 * and linked Instagram account), the WhatsApp numbers and their WABAs' templates. Codes are single use;
 * a wrong app id, secret or redirect URI is refused with Meta's errors.
 */
final class SandboxFacebookLogin {

    /** The sandbox Meta app's id (conversation-service's SELLAVIE_META_APP_ID in the local stack). */
    static final String APP_ID = "1000000000000042";
    static final String DEMO_USER_ID = "10000000000000077";

    private final SandboxGraphApi graph;
    private final String appSecret;
    /** Code -> the redirect URI it was issued for; removed when used. */
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private final Set<String> usedCodes = ConcurrentHashMap.newKeySet();
    private final Set<String> userTokens = ConcurrentHashMap.newKeySet();

    SandboxFacebookLogin(SandboxGraphApi graph, String appSecret) {
        this.graph = graph;
        this.appSecret = appSecret;
    }

    /** True when the request was one of Facebook Login's (answered here). */
    boolean handle(HttpExchange exchange, String path, String method) throws IOException {
        if (!"GET".equals(method)) {
            return false;
        }
        Map<String, String> query = query(exchange);
        if (path.endsWith("/dialog/oauth")) {
            dialog(exchange, query);
            return true;
        }
        if (path.endsWith("/oauth/access_token")) {
            accessToken(exchange, query);
            return true;
        }
        if (path.endsWith("/debug_token")) {
            debugToken(exchange, query);
            return true;
        }
        return false;
    }

    /** Whether {@code token} is a user token this login issued (it reads the demo user's accounts). */
    boolean isUserToken(String token) {
        return userTokens.contains(token);
    }

    private void dialog(HttpExchange exchange, Map<String, String> query) throws IOException {
        String redirect = query.getOrDefault("redirect_uri", "");
        if (!APP_ID.equals(query.get("client_id")) || !redirect.startsWith("http")) {
            html(exchange, 400, "<p>Invalid App ID or redirect_uri: this sandbox dialog serves app " + APP_ID
                    + " and needs an http(s) redirect_uri.</p>");
            return;
        }
        String code = "AQD-sandbox-" + UUID.randomUUID();
        codes.put(code, redirect);
        String state = query.getOrDefault("state", "");
        String allow = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + encode(code) + "&state="
                + encode(state);
        String cancel = redirect + (redirect.contains("?") ? "&" : "?") + "error=access_denied&error_code=200"
                + "&error_description=" + encode("Permissions error") + "&error_reason=user_denied&state="
                + encode(state);
        html(exchange, 200, "<p>Sellavie (sandbox) would like to manage your Pages, Instagram accounts and WhatsApp"
                + " numbers' messages.</p><p>Asked for: " + escape(query.containsKey("config_id")
                ? "configuration " + query.get("config_id") : query.getOrDefault("scope", "")) + "</p>"
                + "<p><a class=button href=\"" + escape(allow) + "\">Continue as demo user</a> "
                + "<a href=\"" + escape(cancel) + "\">Cancel</a></p>");
    }

    private void accessToken(HttpExchange exchange, Map<String, String> query) throws IOException {
        if (!APP_ID.equals(query.get("client_id"))) {
            respond(exchange, 400, graph.error(101, 0, "Error validating application. Invalid application ID."));
            return;
        }
        if (!appSecret.equals(query.get("client_secret"))) {
            respond(exchange, 400, graph.error(1, 0, "Error validating client secret."));
            return;
        }
        if ("fb_exchange_token".equals(query.get("grant_type"))) {
            if (!userTokens.contains(query.getOrDefault("fb_exchange_token", ""))) {
                respond(exchange, 400, graph.error(190, 0, "Invalid OAuth access token - Cannot parse access token"));
                return;
            }
            respond(exchange, 200, token("EAA-sandbox-long-"));
            return;
        }
        String code = query.getOrDefault("code", "");
        String redirect = codes.remove(code);
        if (redirect == null) {
            respond(exchange, 400, usedCodes.contains(code)
                    ? graph.error(100, 36009, "This authorization code has been used.")
                    : graph.error(100, 0, "Invalid verification code format."));
            return;
        }
        usedCodes.add(code);
        if (!redirect.equals(query.get("redirect_uri"))) {
            respond(exchange, 400, graph.error(100, 36008, "Error validating verification code. Please make sure your"
                    + " redirect_uri is identical to the one you used in the OAuth dialog request"));
            return;
        }
        respond(exchange, 200, token("EAA-sandbox-short-"));
    }

    private ObjectNode token(String prefix) {
        String token = prefix + UUID.randomUUID().toString().replace("-", "");
        userTokens.add(token);
        ObjectNode answer = SandboxGraphApi.JSON.createObjectNode();
        answer.put("access_token", token);
        answer.put("token_type", "bearer");
        answer.put("expires_in", 5183944);
        return answer;
    }

    /** Inspected with the app token ({@code app_id|app_secret}); the WABAs granted are the sandbox's. */
    private void debugToken(HttpExchange exchange, Map<String, String> query) throws IOException {
        if (!(APP_ID + "|" + appSecret).equals(SandboxGraphApi.accessToken(exchange))) {
            respond(exchange, 400, graph.error(190, 0, "Invalid OAuth access token - Cannot parse access token"));
            return;
        }
        ObjectNode data = SandboxGraphApi.JSON.createObjectNode();
        ObjectNode answer = data.putObject("data");
        answer.put("app_id", APP_ID);
        answer.put("type", "USER");
        answer.put("application", "Sellavie (sandbox)");
        boolean valid = userTokens.contains(query.getOrDefault("input_token", ""));
        answer.put("is_valid", valid);
        if (valid) {
            Set<String> wabas = new LinkedHashSet<>();
            graph.accounts().values().forEach(account -> {
                if (account instanceof SandboxGraphApi.WhatsAppNumber number) {
                    wabas.add(number.wabaId());
                }
            });
            ArrayNode scopes = answer.putArray("scopes");
            ArrayNode granular = answer.putArray("granular_scopes");
            for (String scope : new String[] {"pages_show_list", "pages_messaging", "instagram_manage_messages",
                    "whatsapp_business_management", "whatsapp_business_messaging"}) {
                scopes.add(scope);
                if (scope.startsWith("whatsapp")) {
                    ArrayNode ids = granular.addObject().put("scope", scope).putArray("target_ids");
                    wabas.forEach(ids::add);
                }
            }
            answer.put("user_id", DEMO_USER_ID);
        }
        respond(exchange, 200, data);
    }

    /** {@code GET /me/accounts} with a user token: every Page the sandbox knows, with its Page token. */
    ObjectNode pages() {
        ObjectNode page = SandboxGraphApi.JSON.createObjectNode();
        ArrayNode data = page.putArray("data");
        graph.accounts().forEach((token, account) -> {
            if (account instanceof SandboxGraphApi.FacebookPage facebookPage) {
                ObjectNode entry = data.addObject();
                entry.put("id", facebookPage.id());
                entry.put("name", facebookPage.name());
                entry.put("access_token", token);
                graph.instagramOf(facebookPage.id()).ifPresent(instagram -> entry.putObject(
                        "instagram_business_account").put("id", instagram.id()).put("username", instagram.username())
                        .put("name", facebookPage.name()));
            }
        });
        page.putObject("paging").putObject("cursors").put("before", "MAZDZD").put("after", "MAZDZD");
        return page;
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String parameter : raw.split("&")) {
                String[] pair = parameter.split("=", 2);
                query.put(URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private static void respond(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        SandboxGraphApi.respond(exchange, status, body);
    }

    private static void html(HttpExchange exchange, int status, String content) throws IOException {
        byte[] bytes = ("<!doctype html><html><head><meta charset=utf-8><title>Log in with Facebook (sandbox)</title>"
                + "<style>body{font-family:sans-serif;max-width:32rem;margin:3rem auto}"
                + ".button{background:#1877f2;color:#fff;padding:.6rem 1rem;border-radius:6px;text-decoration:none}"
                + "</style></head><body><h1>Log in with Facebook (sandbox)</h1>" + content + "</body></html>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
