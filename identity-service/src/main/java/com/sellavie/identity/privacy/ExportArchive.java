package com.sellavie.identity.privacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds an export's ZIP: {@code <service>.json} per service, as the service answered it, and a
 * {@code manifest.json} naming the request and each file. A part that is not the contract's JSON for
 * this request (wrong service or requestId, no data) is refused: the archive is never built from it.
 */
final class ExportArchive {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ExportArchive() {
    }

    /** @param parts each service's part (JSON text), in the order the files are written */
    static byte[] zip(PrivacyRequest request, Map<String, String> parts, Instant assembledAt) {
        List<Map<String, Object>> files = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                check(request, part.getKey(), part.getValue());
                String file = part.getKey() + ".json";
                write(zip, file, part.getValue().getBytes(StandardCharsets.UTF_8));
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("service", part.getKey());
                entry.put("file", file);
                request.tasks().stream().filter(task -> task.service().equals(part.getKey())).findFirst()
                        .ifPresent(task -> entry.put("itemCount", task.itemCount()));
                files.add(entry);
            }
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("requestId", request.id().toString());
            manifest.put("scope", request.scope().name());
            if (request.contactId() != null) {
                manifest.put("contactId", request.contactId().toString());
            }
            manifest.put("requestedAt", request.createdAt().toString());
            manifest.put("assembledAt", assembledAt.toString());
            manifest.put("files", files);
            write(zip, "manifest.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the archive of " + request.id(), e);
        }
        return bytes.toByteArray();
    }

    private static void check(PrivacyRequest request, String service, String part) {
        JsonNode json;
        try {
            json = JSON.readTree(part);
        } catch (JacksonException e) {
            throw new InvalidPartException(service + "'s export part is not JSON");
        }
        if (json == null || !service.equals(json.path("service").asString(""))
                || !request.id().toString().equals(json.path("requestId").asString(""))
                || !json.path("data").isObject()) {
            throw new InvalidPartException(service + "'s export part is not {\"service\",\"requestId\",\"data\"} "
                    + "for request " + request.id());
        }
    }

    private static void write(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    static final class InvalidPartException extends RuntimeException {

        InvalidPartException(String message) {
            super(message);
        }
    }
}
