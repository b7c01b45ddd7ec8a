package com.sellavie.ai.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.ai.provider.TokenUsage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceTableTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PriceTable table = new PriceTable(new PriceTableProperties(Map.of(
            "openai", Map.of("gpt-4o-mini", price("0.15", "0.60"), "gpt-4o", price("2.50", "10.00")),
            "anthropic", Map.of("claude-haiku-4-5", price("1.00", "5.00")),
            "ollama", Map.of("llama3.2", price("0", "0"))), "2026-12"), meters);

    @Test
    void costsTokensTimesThePricePerMillionInMicroDollarsRoundedHalfUpOnce() {
        // 1250 x 0.15 + 180 x 0.60 = 187.5 + 108 = 295.5 micro-dollars
        assertThat(table.costMicroUsd("openai", "gpt-4o-mini", new TokenUsage(1250, 180))).hasValue(296);
        // 2095 x 1 + 503 x 5 (Anthropic's documented example)
        assertThat(table.costMicroUsd("anthropic", "claude-haiku-4-5", new TokenUsage(2095, 503))).hasValue(4610);
        assertThat(table.costMicroUsd("openai", "gpt-4o", new TokenUsage(1_000_000, 1_000_000))).hasValue(12_500_000);
        assertThat(table.version()).isEqualTo("2026-12");
    }

    @Test
    void aDatedSnapshotIsPricedAsItsModel() {
        assertThat(table.costMicroUsd("openai", "gpt-4o-mini-2024-07-18", new TokenUsage(120, 30))).hasValue(36);
        assertThat(table.costMicroUsd("openai", "gpt-4o-2024-08-06", new TokenUsage(120, 30))).hasValue(600);
        assertThat(table.costMicroUsd("anthropic", "claude-haiku-4-5-20251001", new TokenUsage(10, 0))).hasValue(10);
    }

    @Test
    void theOfflineResponderAndAFreeSelfHostedModelCostNothing() {
        assertThat(table.costMicroUsd("offline", null, TokenUsage.NONE)).hasValue(0);
        assertThat(table.costMicroUsd("ollama", "llama3.2", new TokenUsage(900, 80))).hasValue(0);
    }

    @Test
    void anUnpricedModelHasAnUnknownCostNeverZeroAndIsCounted() {
        assertThat(table.costMicroUsd("openai", "o3-pro", new TokenUsage(100, 10))).isEmpty();
        assertThat(table.costMicroUsd("openai", "o3-pro", new TokenUsage(100, 10))).isEmpty();
        assertThat(table.costMicroUsd("groq", "llama-3.3-70b-versatile", new TokenUsage(1, 1))).isEmpty();
        // a name that merely shares a prefix without the dash is another model
        assertThat(table.costMicroUsd("openai", "gpt-4o-minimal", new TokenUsage(1, 1))).isEmpty();

        assertThat(meters.counter("sellavie.ai.usage.unpriced", "provider", "openai", "model", "o3-pro").count())
                .isEqualTo(2);
        assertThat(meters.counter("sellavie.ai.usage.unpriced", "provider", "groq", "model",
                "llama-3.3-70b-versatile").count()).isEqualTo(1);
    }

    private static PriceTableProperties.ModelPrice price(String input, String output) {
        return new PriceTableProperties.ModelPrice(new BigDecimal(input), new BigDecimal(output));
    }
}
