package com.sellavie.ai.provider.openai;

import java.time.Duration;
import java.util.Objects;

/**
 * One OpenAI-shaped endpoint ({@code sellavie.ai.openai-compatible.<name>.*}).
 *
 * @param baseUrl    the API root without {@code /v1} ({@code https://api.openai.com},
 *                   {@code https://api.groq.com/openai}); a trailing {@code /v1} is accepted too
 * @param apiKey     the bearer key; never logged ({@link #toString()} masks it)
 * @param model      the model name sent with every request
 * @param timeout    per request; a timeout fails over to the next provider
 * @param maxRetries retries of the HTTP client itself before failing over (0: fail over at once)
 * @param maxTokens  upper bound of the reply's length
 */
public record OpenAiCompatibleSettings(String baseUrl, String apiKey, String model, Duration timeout,
        int maxRetries, int maxTokens) {

    public OpenAiCompatibleSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        timeout = timeout == null ? Duration.ofSeconds(8) : timeout;
        maxTokens = maxTokens <= 0 ? 400 : maxTokens;
    }

    /** The base URL the OpenAI client wants: the API root plus {@code /v1}. */
    String versionedBaseUrl() {
        String root = baseUrl.replaceAll("/+$", "");
        return root.endsWith("/v1") ? root : root + "/v1";
    }

    /** {@code sk-p…4f2a}: enough to tell keys apart, never the key. */
    static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "(none)";
        }
        return secret.length() <= 8 ? "…" : secret.substring(0, 4) + "…" + secret.substring(secret.length() - 4);
    }

    @Override
    public String toString() {
        return "OpenAiCompatibleSettings[baseUrl=" + baseUrl + ", apiKey=" + mask(apiKey) + ", model=" + model
                + ", timeout=" + timeout + ", maxRetries=" + maxRetries + ", maxTokens=" + maxTokens + "]";
    }
}
