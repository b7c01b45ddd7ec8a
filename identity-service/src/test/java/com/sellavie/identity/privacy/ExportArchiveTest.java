package com.sellavie.identity.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sellavie.identity.privacy.PrivacyRequest.Kind;
import com.sellavie.identity.privacy.PrivacyRequest.Outcome;
import com.sellavie.identity.privacy.PrivacyRequest.Scope;
import com.sellavie.identity.privacy.PrivacyRequest.Source;
import com.sellavie.identity.privacy.PrivacyRequest.Status;
import com.sellavie.identity.privacy.PrivacyRequest.Task;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ExportArchiveTest {

    private static final UUID REQUEST = UUID.fromString("01930000-0000-7000-8000-000000000001");
    private static final UUID CONTACT = UUID.fromString("01930000-0000-7000-8000-0000000000c1");
    private static final Instant AT = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void holdsEachServicesPartAsAnsweredAndAManifestNamingThem() throws IOException {
        String conversation = part("conversation-service", REQUEST, "{\"messages\":[{\"text\":\"hello\"}]}");
        String commerce = part("commerce-service", REQUEST, "{\"orders\":[]}");

        Map<String, String> files = unzip(ExportArchive.zip(request(), parts(conversation, commerce), AT));

        assertThat(files).containsOnlyKeys("conversation-service.json", "commerce-service.json", "manifest.json");
        assertThat(files.get("conversation-service.json")).isEqualTo(conversation);
        JsonNode manifest = JsonMapper.builder().build().readTree(files.get("manifest.json"));
        assertThat(manifest.path("requestId").asString()).isEqualTo(REQUEST.toString());
        assertThat(manifest.path("scope").asString()).isEqualTo("CONTACT");
        assertThat(manifest.path("contactId").asString()).isEqualTo(CONTACT.toString());
        assertThat(manifest.path("files").get(0).path("file").asString()).isEqualTo("conversation-service.json");
        assertThat(manifest.path("files").get(0).path("itemCount").asInt()).isEqualTo(4);
    }

    @Test
    void refusesAPartOfAnotherRequest() {
        String stray = part("commerce-service", UUID.randomUUID(), "{}");

        assertThatThrownBy(() -> ExportArchive.zip(request(), parts(stray), AT))
                .isInstanceOf(ExportArchive.InvalidPartException.class).hasMessageContaining("commerce-service");
    }

    @Test
    void refusesAPartNamingAnotherServiceOrWithoutData() {
        assertThatThrownBy(() -> ExportArchive.zip(request(),
                Map.of("commerce-service", part("ai-service", REQUEST, "{}")), AT))
                .isInstanceOf(ExportArchive.InvalidPartException.class);
        assertThatThrownBy(() -> ExportArchive.zip(request(),
                Map.of("commerce-service", "{\"service\":\"commerce-service\",\"requestId\":\"" + REQUEST + "\"}"), AT))
                .isInstanceOf(ExportArchive.InvalidPartException.class);
        assertThatThrownBy(() -> ExportArchive.zip(request(), Map.of("commerce-service", "<html>"), AT))
                .isInstanceOf(ExportArchive.InvalidPartException.class).hasMessageContaining("not JSON");
    }

    private static PrivacyRequest request() {
        return new PrivacyRequest(REQUEST, UUID.randomUUID(), Kind.EXPORT, Scope.CONTACT, CONTACT, null, Source.CONSOLE,
                UUID.randomUUID(), Status.COMPLETED, null, AT.minusSeconds(60), AT, List.of(
                new Task("conversation-service", Outcome.DONE, 4, null, AT),
                new Task("commerce-service", Outcome.DONE, 0, null, AT)));
    }

    private static Map<String, String> parts(String... parts) {
        Map<String, String> byService = new LinkedHashMap<>();
        for (String part : parts) {
            byService.put(part.replaceAll(".*\"service\":\"([^\"]+)\".*", "$1"), part);
        }
        return byService;
    }

    private static String part(String service, UUID requestId, String data) {
        return "{\"service\":\"" + service + "\",\"requestId\":\"" + requestId + "\",\"data\":" + data + "}";
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
