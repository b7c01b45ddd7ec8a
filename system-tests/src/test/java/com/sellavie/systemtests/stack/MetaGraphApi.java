package com.sellavie.systemtests.stack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Meta's Graph API as a WireMock server: the Instagram Send API ({@code POST /v23.0/me/messages} or
 * {@code /v23.0/<id>/messages}) answers {@code {"recipient_id","message_id"}} as Meta does
 * (PROVIDERS.md §1.7), and every call is kept so tests can count what reached Meta.
 */
public final class MetaGraphApi implements AutoCloseable {

    static final String VERSION_PATH = "/v23.0";
    private static final Pattern SEND_PATH = Pattern.compile("/v23\\.0/[^/]+/messages");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;

    private MetaGraphApi(WireMockServer server) {
        this.server = server;
    }

    static MetaGraphApi start() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(20));
        server.start();
        server.stubFor(post(urlPathMatching(SEND_PATH.pattern()))
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"recipient_id\":\"{{jsonPath request.body '$.recipient.id'}}\","
                                + "\"message_id\":\"m_{{randomValue length=32 type='ALPHANUMERIC'}}\"}")
                        .withTransformers("response-template")));
        return new MetaGraphApi(server);
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

    /** The Send API calls addressed to one customer (Instagram-scoped id). */
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
            return new SendApiCall(pathOf(event), body.path("recipient").path("id").asText(null),
                    body.path("message").path("text").asText(null),
                    event.getRequest().getHeader("Authorization"), event.getRequest().getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException("Send API call with a body that is not JSON", e);
        }
    }

    /** One call of the Send API as Meta received it. */
    public record SendApiCall(String path, String recipientId, String text, String authorization, String body) {
    }

    @Override
    public void close() {
        server.stop();
    }
}
