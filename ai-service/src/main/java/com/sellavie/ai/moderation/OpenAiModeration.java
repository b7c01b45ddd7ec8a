package com.sellavie.ai.moderation;

import com.sellavie.ai.moderation.ModerationVerdict.Category;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpenAI's moderation endpoint ({@code POST {base}/v1/moderations}, {@code {"model","input"}} ->
 * {@code results[0].flagged} and {@code categories}): self-harm categories -> SELF_HARM, threatening
 * and violent ones -> THREAT, harassment and hate -> ABUSE; other flagged categories (sexual, illicit)
 * do not stop a reply. The key never appears in a message or log.
 */
final class OpenAiModeration {

    static final String SOURCE = "openai";

    private static final Map<String, Category> CATEGORIES = Map.ofEntries(
            Map.entry("self-harm", Category.SELF_HARM), Map.entry("self-harm/intent", Category.SELF_HARM),
            Map.entry("self-harm/instructions", Category.SELF_HARM),
            Map.entry("harassment/threatening", Category.THREAT), Map.entry("hate/threatening", Category.THREAT),
            Map.entry("violence", Category.THREAT), Map.entry("harassment", Category.ABUSE),
            Map.entry("hate", Category.ABUSE));

    private final URI endpoint;
    private final String apiKey;
    private final String model;
    private final Duration timeout;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    OpenAiModeration(String baseUrl, String apiKey, String model, Duration timeout) {
        String root = baseUrl.replaceAll("/+$", "").replaceAll("/v1$", "");
        this.endpoint = URI.create(root + "/v1/moderations");
        this.apiKey = apiKey;
        this.model = model;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** @throws ModerationUnavailableException no usable answer (connection, timeout, non-200, unreadable body) */
    ModerationVerdict check(String message) {
        String body = json.writeValueAsString(Map.of("model", model, "input", message == null ? "" : message));
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ModerationUnavailableException("OpenAI moderation unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModerationUnavailableException("interrupted while waiting for OpenAI moderation");
        }
        if (response.statusCode() != 200) {
            throw new ModerationUnavailableException("OpenAI moderation answered HTTP " + response.statusCode());
        }
        return verdict(response.body());
    }

    private ModerationVerdict verdict(String body) {
        JsonNode result;
        try {
            result = json.readTree(body).path("results").path(0);
        } catch (RuntimeException e) {
            throw new ModerationUnavailableException("OpenAI moderation answer unreadable");
        }
        if (!result.has("flagged") || !result.has("categories")) {
            throw new ModerationUnavailableException("OpenAI moderation answer without results[0].flagged/categories");
        }
        if (!result.path("flagged").asBoolean()) {
            return ModerationVerdict.clean(SOURCE);
        }
        Category worst = null;
        List<String> flagged = new ArrayList<>();
        for (Map.Entry<String, JsonNode> category : result.path("categories").properties()) {
            Category mapped = CATEGORIES.get(category.getKey());
            if (category.getValue().asBoolean() && mapped != null) {
                flagged.add(category.getKey());
                worst = worst == null || mapped.ordinal() < worst.ordinal() ? mapped : worst;
            }
        }
        return worst == null ? ModerationVerdict.clean(SOURCE)
                : new ModerationVerdict(worst, SOURCE, String.join(", ", flagged.stream().sorted().toList()));
    }

    /** The moderation API gave no usable answer. */
    static final class ModerationUnavailableException extends RuntimeException {

        ModerationUnavailableException(String message) {
            super(message);
        }
    }
}
