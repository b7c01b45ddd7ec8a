package com.sellavie.conversation.outbound;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Send API call: {@code POST {graph-url}/{node}/messages} with a JSON body and the channel's
 * token in {@code Authorization: Bearer} (Graph accepts it there as well as in {@code access_token}),
 * so it never appears in a URL or an access log; {@code connect-timeout} and {@code request-timeout}
 * on every call. No answer in time, or a connection broken after the request left, is UNKNOWN (Meta
 * may have sent it); a connection never made is a retryable refusal (nothing was sent). Each call is a
 * client span ({@code sellavie.outbound.send_api}, child of the attempt's, which continues the trace that queued the message: SendScheduler) carrying its
 * W3C traceparent, as Spring's observed HTTP clients do.
 */
@Component
class GraphSendClient {

    private static final Logger log = LoggerFactory.getLogger(GraphSendClient.class);

    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String graphUrl;
    private final OutboundProperties properties;
    private final ObservationRegistry observations;

    GraphSendClient(MetaProperties meta, OutboundProperties properties, ObservationRegistry observations) {
        this.properties = properties;
        this.observations = observations;
        this.graphUrl = meta.graphUrl();
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
    }

    /**
     * @param node      {@code me}, a Page id or a WhatsApp phone number id
     * @param messageId reads Meta's id of the sent message from an accepted answer
     */
    SendOutcome post(String node, String accessToken, Object body, Function<JsonNode, String> messageId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(graphUrl + "/"
                        + URLEncoder.encode(node, StandardCharsets.UTF_8) + "/messages"))
                .timeout(properties.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + accessToken)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        SenderContext<HttpRequest.Builder> context = new SenderContext<>(HttpRequest.Builder::header, Kind.CLIENT);
        context.setCarrier(builder);
        context.setRemoteServiceName("meta-graph-api");
        Observation call = Observation.createNotStarted("sellavie.outbound.send_api", () -> context, observations)
                .contextualName("send api POST")
                .lowCardinalityKeyValue("http.request.method", "POST")
                .start();
        try (Observation.Scope ignored = call.openScope()) {
            SendOutcome outcome = call(builder.build(), node, messageId);
            call.lowCardinalityKeyValue("outcome", outcome.getClass().getSimpleName().toUpperCase(Locale.ROOT));
            return outcome;
        } catch (RuntimeException e) {
            call.error(e);
            throw e;
        } finally {
            call.stop();
        }
    }

    private SendOutcome call(HttpRequest request, String node, Function<JsonNode, String> messageId) {
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
        JsonNode answer = parse(response.body());
        if (response.statusCode() >= 200 && response.statusCode() < 300) {
            return new SendOutcome.Accepted(messageId.apply(answer));
        }
        JsonNode error = answer.path("error");
        log.info("Send API ({}) answered {} (code {}, subcode {}, fbtrace_id {})", node, response.statusCode(),
                error.path("code").asString(""), error.path("error_subcode").asString(""),
                error.path("fbtrace_id").asString(""));
        return GraphErrors.interpret(response.statusCode(), answer);
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (JacksonException notJson) {
            return json.createObjectNode();
        }
    }
}
