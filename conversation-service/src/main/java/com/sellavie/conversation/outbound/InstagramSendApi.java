package com.sellavie.conversation.outbound;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Instagram's Send API (Facebook Login flavour): {@code POST {graph-url}/me/messages} with
 * {@code recipient.id} and {@code message.text}; the channel's token goes in the
 * {@code Authorization: Bearer} header (Graph accepts it there as well as in {@code access_token}),
 * so it never appears in a URL or an access log.
 */
@Component
class InstagramSendApi {

    private static final Logger log = LoggerFactory.getLogger(InstagramSendApi.class);
    /** Meta's throttling codes: application, user, page and call-volume rate limits. */
    private static final Set<Integer> RATE_LIMIT_CODES = Set.of(4, 17, 32, 613, 80001, 80002, 80006);
    /** Meta's "unknown" and "service temporarily unavailable" errors. */
    private static final Set<Integer> TEMPORARY_CODES = Set.of(1, 2);
    private static final int MAX_DETAIL = 500;

    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final URI endpoint;
    private final OutboundProperties properties;

    InstagramSendApi(MetaProperties meta, OutboundProperties properties) {
        this.properties = properties;
        this.endpoint = URI.create(meta.graphUrl() + "/me/messages");
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
    }

    SendOutcome send(String accessToken, String recipientId, String text) {
        String body = json.writeValueAsString(Map.of("recipient", Map.of("id", recipientId),
                "message", Map.of("text", text)));
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(properties.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + accessToken)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException | UnresolvedAddressException notSent) {
            return new SendOutcome.Rejected(true, "PROVIDER_ERROR", null, "Could not connect to the Graph API");
        } catch (HttpTimeoutException timeout) {
            return new SendOutcome.Unknown("TIMEOUT");
        } catch (IOException broken) {
            // The connection broke after the request left: Meta may have sent the message.
            return new SendOutcome.Unknown("CONNECTION_LOST");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new SendOutcome.Unknown("INTERRUPTED");
        }
        return interpret(response.statusCode(), response.body());
    }

    private SendOutcome interpret(int status, String body) {
        JsonNode node = parse(body);
        if (status >= 200 && status < 300) {
            String messageId = node.path("message_id").asString(null);
            return new SendOutcome.Accepted(messageId);
        }
        JsonNode error = node.path("error");
        Integer code = error.path("code").isNumber() ? error.path("code").asInt() : null;
        Integer subcode = error.path("error_subcode").isNumber() ? error.path("error_subcode").asInt() : null;
        String detail = truncate(error.path("message").asString("HTTP " + status));
        String codeText = code == null ? null : String.valueOf(code);
        log.info("Send API answered {} (code {}, subcode {}, fbtrace_id {})", status, code, subcode,
                error.path("fbtrace_id").asString(""));
        if (status == 429 || (code != null && RATE_LIMIT_CODES.contains(code))) {
            return new SendOutcome.Rejected(true, "RATE_LIMITED", codeText, detail);
        }
        if (status >= 500 || (code != null && TEMPORARY_CODES.contains(code)) || error.path("is_transient").asBoolean(false)) {
            return new SendOutcome.Rejected(true, "PROVIDER_ERROR", codeText, detail);
        }
        return new SendOutcome.Rejected(false, permanentReason(code, subcode), codeText, detail);
    }

    private static String permanentReason(Integer code, Integer subcode) {
        if (code == null) {
            return "PROVIDER_ERROR";
        }
        return switch (code) {
            case 190, 102 -> "CHANNEL_DISCONNECTED";
            case 551 -> "RECIPIENT_UNAVAILABLE";
            case 10 -> subcode != null && subcode == 2018278 ? "OUTSIDE_MESSAGING_WINDOW" : "PROVIDER_ERROR";
            default -> "PROVIDER_ERROR";
        };
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (JacksonException notJson) {
            return json.createObjectNode();
        }
    }

    private static String truncate(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL);
    }
}
