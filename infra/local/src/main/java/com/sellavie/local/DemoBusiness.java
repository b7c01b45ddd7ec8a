package com.sellavie.local;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The demo business seeded on first run: its owner's login, its sandbox Instagram account, and the
 * small FAQ and catalog its assistant answers from.
 */
final class DemoBusiness {

    static final String OWNER_EMAIL = "owner@demo.sellavie.dev";
    static final String BUSINESS_NAME = "Linen & Co (demo)";
    static final String INSTAGRAM_ACCOUNT_ID = "17841400000000000";
    static final String INSTAGRAM_ACCOUNT_NAME = "@linenandco.demo";
    static final String CUSTOMER_ID = "demo-customer-1";

    private static final List<Map<String, Object>> PRODUCTS = List.of(
            product("LINEN-SHIRT-WHT", "Linen shirt", "White linen shirt, relaxed fit, sizes S to XL.", "45.00"),
            product("LINEN-TROUSERS-SND", "Linen trousers", "Sand-coloured linen trousers with a drawstring.",
                    "59.00"),
            product("LINEN-SCARF-BLU", "Linen scarf", "Light blue linen scarf, 180 x 60 cm.", "19.00"));

    private static final List<Map<String, Object>> FAQS = List.of(
            faq("shipping", "Do you ship abroad?",
                    "We ship across the EU in 3 to 5 working days; shipping is free from 80 EUR."),
            faq("returns", "Can I return an item?",
                    "Yes: unworn items can be returned within 30 days for a full refund."),
            faq("sizes", "How do your sizes run?", "Our linen runs true to size; size up for a looser fit."));

    static final int PRODUCT_COUNT = PRODUCTS.size();
    static final int FAQ_COUNT = FAQS.size();

    private DemoBusiness() {
    }

    /** The body of {@code PUT /api/ai/knowledge}. */
    static Map<String, Object> knowledge() {
        return Map.of("faqs", FAQS, "products", PRODUCTS);
    }

    private static Map<String, Object> product(String sku, String name, String description, String price) {
        return Map.of("sku", sku, "name", name, "description", description, "price", new BigDecimal(price),
                "currency", "EUR", "available", true);
    }

    private static Map<String, Object> faq(String topic, String question, String answer) {
        return Map.of("topic", topic, "question", question, "answer", answer);
    }
}
