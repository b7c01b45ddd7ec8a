package com.sellavie.ai.usage;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sellavie.ai.prices.<provider>.<model>.*}: US dollars per million tokens, by provider name (the
 * endpoint's, e.g. {@code openai}) and model as the provider reports it. A model name with dots is
 * written in brackets in YAML ({@code "[llama-3.3-70b-versatile]"}). {@code sellavie.ai.prices-version}
 * labels the table in every usage record, so a later price change is traceable.
 */
@ConfigurationProperties("sellavie.ai")
record PriceTableProperties(Map<String, Map<String, ModelPrice>> prices, String pricesVersion) {

    PriceTableProperties {
        prices = prices == null ? Map.of() : Map.copyOf(prices);
        pricesVersion = pricesVersion == null || pricesVersion.isBlank() ? "unversioned" : pricesVersion.strip();
    }

    /** One model's list prices; both are required (0 for a self-hosted model). */
    record ModelPrice(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {

        ModelPrice {
            if (inputPerMillion == null || outputPerMillion == null || inputPerMillion.signum() < 0
                    || outputPerMillion.signum() < 0) {
                throw new IllegalArgumentException("a price needs input-per-million and output-per-million, "
                        + "neither negative");
            }
        }
    }
}
