package com.sellavie.ai.reply;

import com.sellavie.ai.knowledge.BusinessKnowledge;
import com.sellavie.ai.knowledge.BusinessKnowledge.Faq;
import com.sellavie.ai.knowledge.BusinessKnowledge.Product;
import com.sellavie.ai.knowledge.BusinessKnowledge.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.yaml.snakeyaml.Yaml;

/**
 * The golden set as data ({@code golden/golden-set.yaml}): businesses' contexts (profile, FAQ, catalog,
 * language) and the cases asked of them, each with the properties its reply must have.
 */
record GoldenSet(Map<String, BusinessKnowledge> contexts, List<Case> cases) {

    static final String RESOURCE = "/golden/golden-set.yaml";

    /**
     * One customer message to one business and what its reply must show.
     *
     * @param actions      the action kinds expected: {@code none}, {@code handoff}, {@code checkout}
     * @param checkout     the CHECKOUT expected (null: none)
     * @param priceOf      a sku whose catalog price the reply states (null: none asked)
     * @param says         a regular expression (case-insensitive) the reply must contain: the fact asked
     *                     for (null: none)
     * @param offlineSkips properties beyond the offline provider, each with why
     */
    record Case(String id, String context, String message, String language, Set<String> actions,
            Checkout checkout, String priceOf, String says, Map<String, String> offlineSkips) {

        @Override
        public String toString() {
            return id;
        }
    }

    record Checkout(String sku, int qty) {
    }

    static GoldenSet load() {
        try (InputStream in = GoldenSet.class.getResourceAsStream(RESOURCE)) {
            Map<String, Object> root = new Yaml().load(in);
            Map<String, BusinessKnowledge> contexts = new LinkedHashMap<>();
            map(root.get("contexts")).forEach((name, value) -> contexts.put(name, context(map(value))));
            List<Case> cases = list(root.get("cases")).stream().map(value -> goldenCase(map(value))).toList();
            return new GoldenSet(Map.copyOf(contexts), cases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BusinessKnowledge context(Map<String, Object> yaml) {
        Map<String, Object> profile = map(yaml.getOrDefault("profile", Map.of()));
        return new BusinessKnowledge(UUID.randomUUID(), (String) yaml.get("name"),
                new Profile((String) profile.get("about"), (String) profile.get("openingHours"),
                        (String) profile.get("delivery"), (String) profile.get("returns"),
                        (String) profile.get("paymentMethods")),
                list(yaml.get("faqs")).stream().map(GoldenSet::map)
                        .map(f -> new Faq((String) f.get("topic"), (String) f.get("question"), (String) f.get("answer")))
                        .toList(),
                list(yaml.get("catalog")).stream().map(GoldenSet::map)
                        .map(p -> new Product((String) p.get("sku"), (String) p.get("name"),
                                (String) p.get("description"), ((Number) p.get("priceMinor")).longValue(),
                                (String) p.get("currency"), (Integer) p.get("stock")))
                        .toList(),
                new BusinessKnowledge.Settings((String) yaml.get("language"), null));
    }

    private static Case goldenCase(Map<String, Object> yaml) {
        Map<String, Object> checkout = yaml.containsKey("checkout") ? map(yaml.get("checkout")) : null;
        Map<String, String> skips = new LinkedHashMap<>();
        map(yaml.getOrDefault("offlineSkips", Map.of())).forEach((property, why) -> skips.put(property, (String) why));
        return new Case((String) yaml.get("id"), (String) yaml.get("context"), (String) yaml.get("message"),
                (String) yaml.get("language"),
                Set.copyOf(list(yaml.get("actions")).stream().map(String.class::cast).toList()),
                checkout == null ? null : new Checkout((String) checkout.get("sku"), (Integer) checkout.get("qty")),
                (String) yaml.get("priceOf"), (String) yaml.get("says"), Map.copyOf(skips));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object yaml) {
        return (Map<String, Object>) yaml;
    }

    private static List<?> list(Object yaml) {
        return yaml == null ? List.of() : (List<?>) yaml;
    }
}
