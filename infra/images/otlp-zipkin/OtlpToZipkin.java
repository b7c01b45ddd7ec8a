import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * The compose `observability` profile's collector where otelcol cannot be built (infra/compose/
 * observability-local.yml): receives the services' spans over OTLP/HTTP protobuf on /v1/traces (what
 * OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector:4318 sends) and forwards them to Zipkin's v2 API as
 * JSON, the same OTLP -> Zipkin mapping as the collector's zipkin exporter. When Zipkin does not take a
 * batch the exporter is answered 503, which OTLP exporters retry. GET /health answers the healthcheck.
 * Span content is never logged (attributes may carry customer data).
 */
public final class OtlpToZipkin {

    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI zipkin;

    private OtlpToZipkin(URI zipkin) {
        this.zipkin = zipkin;
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv().getOrDefault("OTLP_HTTP_PORT", "4318"));
        URI zipkin = URI.create(System.getenv().getOrDefault("ZIPKIN_SPANS_URL", "http://zipkin:9411/api/v2/spans"));
        OtlpToZipkin forwarder = new OtlpToZipkin(zipkin);
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/v1/traces", forwarder::export);
        server.createContext("/health", OtlpToZipkin::health);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        System.out.printf("OTLP/HTTP on :%d/v1/traces, forwarding to %s%n", port, zipkin);
    }

    private void export(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.startsWith("application/x-protobuf")) {
                exchange.sendResponseHeaders(415, -1); // OTLP/JSON is not mapped here
                return;
            }
            ExportTraceServiceRequest request;
            try (InputStream body = body(exchange)) {
                request = ExportTraceServiceRequest.parseFrom(body);
            } catch (IOException undecodable) {
                System.err.println("OTLP export not decodable: " + undecodable.getClass().getSimpleName());
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            int status = forward(zipkinSpans(request)) ? 200 : 503;
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private boolean forward(ArrayNode spans) {
        if (spans.isEmpty()) {
            return true;
        }
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(zipkin)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(spans))).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                return true;
            }
            System.err.printf("Zipkin refused %d spans: HTTP %d%n", spans.size(), response.statusCode());
        } catch (IOException e) {
            System.err.printf("Zipkin unreachable for %d spans: %s%n", spans.size(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Zipkin v2 spans: service from the resource's service.name, attributes as tags, events as annotations. */
    static ArrayNode zipkinSpans(ExportTraceServiceRequest request) {
        ArrayNode out = JSON.createArrayNode();
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = resource.getResource().getAttributesList().stream()
                    .filter(a -> a.getKey().equals("service.name")).map(a -> text(a.getValue()))
                    .findFirst().orElse("unknown_service");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    out.add(zipkinSpan(service, span));
                }
            }
        }
        return out;
    }

    private static ObjectNode zipkinSpan(String service, Span span) {
        ObjectNode z = JSON.createObjectNode();
        z.put("traceId", HEX.formatHex(span.getTraceId().toByteArray()));
        z.put("id", HEX.formatHex(span.getSpanId().toByteArray()));
        if (!span.getParentSpanId().isEmpty()) {
            z.put("parentId", HEX.formatHex(span.getParentSpanId().toByteArray()));
        }
        z.put("name", span.getName());
        switch (span.getKind()) {
            case SPAN_KIND_SERVER -> z.put("kind", "SERVER");
            case SPAN_KIND_CLIENT -> z.put("kind", "CLIENT");
            case SPAN_KIND_PRODUCER -> z.put("kind", "PRODUCER");
            case SPAN_KIND_CONSUMER -> z.put("kind", "CONSUMER");
            default -> { } // internal spans carry no kind in Zipkin
        }
        long start = span.getStartTimeUnixNano() / 1000;
        z.put("timestamp", start);
        z.put("duration", Math.max(1, span.getEndTimeUnixNano() / 1000 - start));
        z.putObject("localEndpoint").put("serviceName", service);
        ObjectNode tags = z.putObject("tags");
        span.getAttributesList().forEach(a -> tags.put(a.getKey(), text(a.getValue())));
        if (span.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR) {
            tags.put("otel.status_code", "ERROR");
            tags.put("error", span.getStatus().getMessage().isEmpty() ? "true" : span.getStatus().getMessage());
        }
        if (span.getEventsCount() > 0) {
            ArrayNode annotations = z.putArray("annotations");
            span.getEventsList().forEach(e -> annotations.addObject()
                    .put("timestamp", e.getTimeUnixNano() / 1000).put("value", e.getName()));
        }
        return z;
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            case ARRAY_VALUE -> value.getArrayValue().getValuesList().stream().map(OtlpToZipkin::text)
                    .collect(Collectors.joining(",", "[", "]"));
            case KVLIST_VALUE -> value.getKvlistValue().getValuesList().stream()
                    .map(kv -> kv.getKey() + "=" + text(kv.getValue())).collect(Collectors.joining(",", "{", "}"));
            case BYTES_VALUE -> HEX.formatHex(value.getBytesValue().toByteArray());
            default -> "";
        };
    }

    private static InputStream body(HttpExchange exchange) throws IOException {
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        return "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(exchange.getRequestBody())
                : exchange.getRequestBody();
    }

    private static void health(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] ok = "ok".getBytes();
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
        }
    }
}
