package com.sellavie.schemas.serde;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;

/**
 * How an analyst's tool reads a topic: the Confluent wire format decoded with nothing but an HTTP GET of
 * {@code /schemas/ids/{id}} on the Confluent-compatible API and Avro's generic reader. No Apicurio class
 * here, on purpose.
 */
final class PlainConfluentReader {

    private final String confluentApiUrl;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();

    PlainConfluentReader(String confluentApiUrl) {
        this.confluentApiUrl = confluentApiUrl;
    }

    GenericRecord read(byte[] value) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(value);
        if (buffer.get() != 0) {
            throw new IOException("not the Confluent wire format");
        }
        Schema writer = schemas.computeIfAbsent(buffer.getInt(), this::fetch);
        return new GenericDatumReader<GenericRecord>(writer)
                .read(null, DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));
    }

    private Schema fetch(int id) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(confluentApiUrl + "/schemas/ids/" + id)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("schema " + id + ": HTTP " + response.statusCode());
            }
            // A fresh parser per schema: a registered schema must stand on its own, without references.
            return new Schema.Parser().parse(json.readTree(response.body()).get("schema").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
