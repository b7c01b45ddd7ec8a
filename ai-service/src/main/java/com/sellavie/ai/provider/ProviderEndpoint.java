package com.sellavie.ai.provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything a provider instance is built from: one endpoint of one kind, with one key. Today from
 * {@code sellavie.ai.endpoints.<name>.*}; per-business settings build the same record.
 *
 * @param kind      which API it speaks; defaults to the endpoint's name when that names a kind
 * @param baseUrl   the API root ({@code https://api.openai.com}, {@code https://api.groq.com/openai},
 *                  {@code https://api.anthropic.com}, {@code http://localhost:11434}); a trailing
 *                  {@code /v1} is accepted for OpenAI-shaped APIs
 * @param apiKey    the key; never logged ({@link #toString()} masks it, {@link #keyId()} names it)
 * @param model     the model name sent with every request
 * @param timeout   per call; a timeout fails over to the next provider
 * @param maxTokens upper bound of the reply's length (Anthropic requires one)
 * @param api       for {@link ProviderKind#OLLAMA}: {@code native} ({@code /api/chat}) or {@code openai}
 *                  ({@code /v1/chat/completions}); ignored otherwise
 * @param temperature sampling temperature sent with every request; null leaves the provider's default
 */
public record ProviderEndpoint(ProviderKind kind, String baseUrl, String apiKey, String model, Duration timeout,
        int maxTokens, String api, Double temperature) {

    public ProviderEndpoint {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        apiKey = apiKey == null ? "" : apiKey.strip();
        timeout = timeout == null ? Duration.ofSeconds(8) : timeout;
        maxTokens = maxTokens <= 0 ? 400 : maxTokens;
        api = api == null || api.isBlank() ? "native" : api.strip().toLowerCase(Locale.ROOT);
    }

    public ProviderEndpoint(ProviderKind kind, String baseUrl, String apiKey, String model, Duration timeout,
            int maxTokens, String api) {
        this(kind, baseUrl, apiKey, model, timeout, maxTokens, api, null);
    }

    public ProviderEndpoint(ProviderKind kind, String baseUrl, String apiKey, String model, Duration timeout,
            int maxTokens) {
        this(kind, baseUrl, apiKey, model, timeout, maxTokens, null, null);
    }

    /**
     * This endpoint as one business set it up: its model, key, reply length and temperature where it
     * chose them (null keeps the deployment's), the deployment's base URL, API and timeout always.
     */
    public ProviderEndpoint forBusiness(String businessModel, String businessKey, Integer businessMaxTokens,
            Double businessTemperature) {
        return new ProviderEndpoint(kind, baseUrl, businessKey == null ? apiKey : businessKey,
                businessModel == null ? model : businessModel, timeout,
                businessMaxTokens == null ? maxTokens : businessMaxTokens, api,
                businessTemperature == null ? temperature : businessTemperature);
    }

    /** Whether calls need a key: every hosted API; a self-hosted Ollama does not. */
    public boolean needsKey() {
        return kind != ProviderKind.OLLAMA;
    }

    public boolean hasKey() {
        return !apiKey.isEmpty();
    }

    /** The API root without trailing slashes. */
    public String root() {
        return baseUrl.replaceAll("/+$", "");
    }

    /** The base URL OpenAI-shaped clients want: the API root plus {@code /v1}. */
    public String versionedBaseUrl() {
        String root = root();
        return root.endsWith("/v1") ? root : root + "/v1";
    }

    /**
     * A short, stable name for the key that reveals nothing of it (first 8 hex digits of its SHA-256):
     * part of the circuit breaker's name, so a new key gets a fresh breaker.
     */
    public String keyId() {
        if (apiKey.isEmpty()) {
            return "nokey";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** {@code sk-p…4f2a}: enough for a person to tell keys apart, never the key. */
    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "(none)";
        }
        return secret.length() <= 12 ? "…" : secret.substring(0, 4) + "…" + secret.substring(secret.length() - 4);
    }

    @Override
    public String toString() {
        return "ProviderEndpoint[kind=" + kind + ", baseUrl=" + baseUrl + ", apiKey=" + mask(apiKey) + ", model="
                + model + ", timeout=" + timeout + ", maxTokens=" + maxTokens + ", api=" + api + ", temperature="
                + temperature + "]";
    }
}
