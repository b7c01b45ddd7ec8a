package com.sellavie.ai.moderation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sellavie.ai.moderation.ModerationVerdict.Category;
import com.sellavie.ai.provider.AiProviderProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** OpenAI's moderation endpoint, as a WireMock stub shaped like its documented answer. */
class OpenAiModerationTest {

    private static final String KEY = "sk-test-moderation-0123456789";
    private static final String PATH = "/v1/moderations";

    @RegisterExtension
    static final WireMockExtension openai = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void sendsTheDocumentedRequestAndMapsSelfHarmCategories() {
        openai.stubFor(post(urlPathEqualTo(PATH)).willReturn(answer(true, Map.of("self-harm", true,
                "self-harm/intent", true))));

        ModerationVerdict verdict = moderation("auto", "openai").check("nobody would miss me");

        assertThat(verdict.category()).isEqualTo(Category.SELF_HARM);
        assertThat(verdict.source()).isEqualTo("openai");
        assertThat(verdict.detail()).isEqualTo("self-harm, self-harm/intent");
        openai.verify(postRequestedFor(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(equalToJson("{\"model\":\"omni-moderation-latest\",\"input\":\"nobody would miss me\"}")));
        assertThat(meters.counter("sellavie.ai.moderation.flagged", "category", "self-harm", "source", "openai")
                .count()).isEqualTo(1);
    }

    @Test
    void threatsAndHarassmentAreMappedMostSeriousFirst() {
        openai.stubFor(post(urlPathEqualTo(PATH)).willReturn(answer(true, Map.of("harassment", true,
                "harassment/threatening", true, "violence", true))));

        assertThat(moderation("openai", "offline").check("x").category()).isEqualTo(Category.THREAT);
    }

    @Test
    void categoriesThatDoNotStopAReplyAreNotFlags() {
        openai.stubFor(post(urlPathEqualTo(PATH)).willReturn(answer(true, Map.of("sexual", true))));

        assertThat(moderation("openai", "offline").check("x").flagged()).isFalse();
    }

    @Test
    void aCleanAnswerIsClean() {
        openai.stubFor(post(urlPathEqualTo(PATH)).willReturn(answer(false, Map.of())));

        assertThat(moderation("openai", "offline").check("is the shirt available?").flagged()).isFalse();
    }

    @Test
    void whenTheApiFailsTheRulesJudge() {
        openai.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}")));

        ModerationVerdict verdict = moderation("openai", "offline").check("I will kill you");

        assertThat(verdict.category()).isEqualTo(Category.THREAT);
        assertThat(verdict.source()).isEqualTo("rules");
        assertThat(meters.counter("sellavie.ai.moderation.unavailable").count()).isEqualTo(1);
    }

    @Test
    void aSlowApiIsNotWaitedFor() {
        openai.stubFor(post(urlPathEqualTo(PATH)).willReturn(answer(false, Map.of()).withFixedDelay(4000)));

        ModerationVerdict verdict = moderation("openai", "offline").check("fuck off");

        assertThat(verdict.source()).isEqualTo("rules");
        assertThat(verdict.category()).isEqualTo(Category.ABUSE);
    }

    @Test
    void aMessageWithoutTextIsNotSentToTheApi() {
        assertThat(moderation("openai", "offline").check(" ").flagged()).isFalse();
        assertThat(moderation("openai", "offline").check(null).flagged()).isFalse();
        assertThat(openai.getAllServeEvents()).isEmpty();
    }

    @Test
    void autoUsesTheRulesWhenOpenAiIsNotInTheChain() {
        assertThat(moderation("auto", "offline").check("I will kill you").source()).isEqualTo("rules");
        assertThat(openai.getAllServeEvents()).isEmpty();
    }

    private MessageModeration moderation(String provider, String chain) {
        AiProviderProperties providers = new AiProviderProperties(List.of(chain), Map.of("openai",
                new AiProviderProperties.Endpoint("openai", openai.baseUrl(), KEY, "gpt-4o-mini",
                        Duration.ofSeconds(5), 400, null)), null);
        return new MessageModeration(new ModerationProperties(provider, "omni-moderation-latest",
                Duration.ofSeconds(2)), providers, meters);
    }

    /** The documented answer: one result with flagged, every category, and scores. */
    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer(boolean flagged,
            Map<String, Boolean> set) {
        List<String> all = List.of("sexual", "sexual/minors", "harassment", "harassment/threatening", "hate",
                "hate/threatening", "illicit", "illicit/violent", "self-harm", "self-harm/intent",
                "self-harm/instructions", "violence", "violence/graphic");
        String categories = String.join(", ", all.stream()
                .map(c -> "\"" + c + "\": " + set.getOrDefault(c, false)).toList());
        String scores = String.join(", ", all.stream()
                .map(c -> "\"" + c + "\": " + (set.getOrDefault(c, false) ? "0.91" : "0.0001")).toList());
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                {
                  "id": "modr-0d9740456c391e43c445bf0f010940c7",
                  "model": "omni-moderation-latest",
                  "results": [
                    {
                      "flagged": %s,
                      "categories": {%s},
                      "category_scores": {%s},
                      "category_applied_input_types": {"violence": ["text"], "self-harm": ["text"]}
                    }
                  ]
                }
                """.formatted(flagged, categories, scores));
    }
}
