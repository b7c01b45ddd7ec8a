package com.sellavie.ai.usage;

import com.sellavie.ai.provider.TokenUsage;
import com.sellavie.ai.provider.offline.OfflineProvider;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cost of a reply's tokens in millionths of a US dollar. A price per million tokens in dollars is
 * exactly the price of one token in micro-dollars, so the cost is tokens x price, rounded half up once.
 * The offline responder costs nothing. A model the table does not price has an unknown cost, never 0:
 * counted each time ({@code sellavie.ai.usage.unpriced}) and logged once per provider and model.
 */
public class PriceTable {

    private static final Logger log = LoggerFactory.getLogger(PriceTable.class);
    private static final Pattern SNAPSHOT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\d{8}|latest");

    private final Map<String, Map<String, PriceTableProperties.ModelPrice>> prices;
    private final String version;
    private final MeterRegistry meters;
    private final Set<String> reportedUnpriced = ConcurrentHashMap.newKeySet();

    PriceTable(PriceTableProperties properties, MeterRegistry meters) {
        this.prices = properties.prices();
        this.version = properties.pricesVersion();
        this.meters = meters;
    }

    public String version() {
        return version;
    }

    /** The cost of {@code usage} on that provider and model; empty when the table has no price for them. */
    public OptionalLong costMicroUsd(String provider, String model, TokenUsage usage) {
        if (OfflineProvider.NAME.equals(provider)) {
            return OptionalLong.of(0);
        }
        PriceTableProperties.ModelPrice price = price(provider, model);
        if (price == null) {
            unpriced(provider, model);
            return OptionalLong.empty();
        }
        BigDecimal cost = price.inputPerMillion().multiply(BigDecimal.valueOf(usage.input()))
                .add(price.outputPerMillion().multiply(BigDecimal.valueOf(usage.output())));
        return OptionalLong.of(cost.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /**
     * The model's price, or its family's: providers answer with a dated snapshot of the model asked for
     * ({@code gpt-4o-mini-2024-07-18}, {@code claude-haiku-4-5-20251001}), priced as the listed name
     * followed by a date (or {@code -latest}); any other suffix is another model.
     */
    private PriceTableProperties.ModelPrice price(String provider, String model) {
        if (model == null) {
            return null;
        }
        Map<String, PriceTableProperties.ModelPrice> models = prices.getOrDefault(provider, Map.of());
        PriceTableProperties.ModelPrice exact = models.get(model);
        if (exact != null) {
            return exact;
        }
        return models.entrySet().stream().filter(e -> model.startsWith(e.getKey() + "-")
                && SNAPSHOT.matcher(model.substring(e.getKey().length() + 1)).matches())
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private void unpriced(String provider, String model) {
        meters.counter("sellavie.ai.usage.unpriced", "provider", provider, "model", String.valueOf(model)).increment();
        if (reportedUnpriced.add(provider + "/" + model)) {
            log.warn("No price for AI provider {} model {} in sellavie.ai.prices (table {}): its replies' cost is "
                    + "recorded as unknown; add input-per-million and output-per-million", provider, model, version);
        }
    }
}
