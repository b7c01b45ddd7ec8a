package com.sellavie.conversation.channel;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read calls to Meta's Graph API with a channel's token ({@code Authorization: Bearer}, so it is in no
 * URL or access log), bounded by connect and request timeouts. Never called inside a transaction.
 * Meta's refusals come back as {@link Refused}; anything that means "try again" (no answer, 5xx, 429,
 * throttling and transient codes) as {@link GraphUnavailableException}.
 */
class GraphApiClient {

    private static final Logger log = LoggerFactory.getLogger(GraphApiClient.class);
    /** Rate limits and Meta's "unknown"/"temporarily unavailable": the same call may succeed later. */
    private static final Set<Integer> TRY_AGAIN_CODES = Set.of(1, 2, 4, 17, 32, 613, 80001, 80002, 80006);
    private static final int MAX_DETAIL = 300;

    private final HttpClient http;
    private final String graphUrl;
    private final ChannelGraphProperties properties;
    private final MeterRegistry meters;
    private final JsonMapper json = JsonMapper.builder().build();

    GraphApiClient(String graphUrl, ChannelGraphProperties properties, MeterRegistry meters) {
        this.graphUrl = graphUrl;
        this.properties = properties;
        this.meters = meters;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
    }

    /**
     * @param pathAndQuery e.g. {@code /me?fields=id,username}; ids in it must be validated by the caller.
     *                     Only its path is ever logged: the OAuth calls carry the code and app secret in the query.
     * @param accessToken  null for the OAuth code exchanges, which authenticate with query parameters
     */
    JsonNode get(String pathAndQuery, String accessToken) {
        String path = pathAndQuery.replaceFirst("\\?.*", "");
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(graphUrl + pathAndQuery))
                .timeout(properties.requestTimeout());
        if (accessToken != null) {
            builder.header("Authorization", "Bearer " + accessToken);
        }
        HttpRequest request = builder.GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException timeout) {
            throw unavailable(path, "timeout", timeout);
        } catch (IOException | RuntimeException unreachable) {
            throw unavailable(path, "unreachable", unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw unavailable(path, "interrupted", interrupted);
        }
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            meters.counter("sellavie.channels.graph_calls", "outcome", "ok").increment();
            return body;
        }
        JsonNode error = body.path("error");
        Integer code = error.path("code").isNumber() ? error.path("code").asInt() : null;
        log.warn("Graph API GET {} answered {} (code {}, subcode {}, fbtrace_id {})", path, status, code,
                error.path("error_subcode").asString(""), error.path("fbtrace_id").asString(""));
        if (status >= 500 || status == 429 || (code != null && TRY_AGAIN_CODES.contains(code))
                || error.path("is_transient").asBoolean(false)) {
            meters.counter("sellavie.channels.graph_calls", "outcome", "unavailable").increment();
            throw new GraphUnavailableException("HTTP " + status + (code == null ? "" : ", code " + code));
        }
        meters.counter("sellavie.channels.graph_calls", "outcome", "refused").increment();
        throw new Refused(status, code, truncate(error.path("message").asString("HTTP " + status)));
    }

    private GraphUnavailableException unavailable(String path, String cause, Exception e) {
        meters.counter("sellavie.channels.graph_calls", "outcome", "unavailable").increment();
        log.warn("Graph API GET {} failed: {} ({}: {})", path, cause, e.getClass().getName(), e.getMessage());
        return new GraphUnavailableException(cause);
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

    /** Meta refused the call for good (4xx): {@code code} 190 is an invalid or expired token. */
    static final class Refused extends RuntimeException {

        private final int status;
        private final Integer code;

        Refused(int status, Integer code, String metaMessage) {
            super(metaMessage, null, false, false);
            this.status = status;
            this.code = code;
        }

        int status() {
            return status;
        }

        Integer code() {
            return code;
        }

        boolean tokenInvalid() {
            return code != null && code == 190;
        }
    }
}
