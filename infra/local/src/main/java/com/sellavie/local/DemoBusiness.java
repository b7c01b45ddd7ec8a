package com.sellavie.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo business seeded on first run: its owner's login, its sandbox Instagram account, Facebook
 * Page (Messenger) and WhatsApp number, the demo customer on each, the small FAQ its assistant answers
 * from, its catalog, and its (sandbox) Stripe account.
 */
final class DemoBusiness {

    static final String OWNER_EMAIL = "owner@demo.sellavie.dev";
    static final String BUSINESS_NAME = "Linen & Co (demo)";
    static final String INSTAGRAM_ACCOUNT_ID = "17841400000000000";
    static final String INSTAGRAM_ACCOUNT_NAME = "@linenandco.demo";
    static final String CUSTOMER_ID = "demo-customer-1";
    static final String MESSENGER_PAGE_ID = "104000000000000";
    static final String MESSENGER_PAGE_NAME = "Linen & Co";
    /** Messenger's page-scoped id (PSID) of the demo customer. */
    static final String MESSENGER_CUSTOMER_ID = "7100000000000001";
    static final String WHATSAPP_PHONE_NUMBER_ID = "106540000000000";
    static final String WHATSAPP_BUSINESS_ACCOUNT_ID = "102290000000000";
    static final String WHATSAPP_DISPLAY_PHONE_NUMBER = "+1 555-010-0199";
    static final String WHATSAPP_VERIFIED_NAME = "Linen & Co";
    /** The demo customer's WhatsApp id (their phone number, digits only) and profile name. */
    static final String WHATSAPP_CUSTOMER_ID = "15550100123";
    static final String WHATSAPP_CUSTOMER_NAME = "Demo Customer";

    private static final List<Map<String, Object>> PRODUCTS = List.of(
            product("LINEN-SHIRT-WHT", "Linen shirt", "White linen shirt, relaxed fit, sizes S to XL.", 4500, 40),
            product("LINEN-TROUSERS-SND", "Linen trousers", "Sand-coloured linen trousers with a drawstring.",
                    5900, 25),
            product("LINEN-SCARF-BLU", "Linen scarf", "Light blue linen scarf, 180 x 60 cm.", 1900, null));

    private static final List<Map<String, Object>> FAQS = List.of(
            faq("shipping", "Do you ship abroad?",
                    "We ship across the EU in 3 to 5 working days; shipping is free from 80 EUR."),
            faq("returns", "Can I return an item?",
                    "Yes: unworn items can be returned within 30 days for a full refund."),
            faq("sizes", "How do your sizes run?", "Our linen runs true to size; size up for a looser fit."));

    static final String CURRENCY = "EUR";
    static final int PRODUCT_COUNT = PRODUCTS.size();
    static final int FAQ_COUNT = FAQS.size();

    private DemoBusiness() {
    }

    /** The body of {@code PUT /api/ai/knowledge}: the FAQ and the business profile (the catalog lives in commerce). */
    static Map<String, Object> knowledge() {
        return Map.of("faqs", FAQS, "profile", Map.of(
                "about", "Linen & Co makes relaxed linen clothing in small batches.",
                "openingHours", "Monday to Saturday, 9:00 to 18:00 CET",
                "delivery", "EU-wide in 3 to 5 working days; free from 80 EUR.",
                "returns", "Unworn items within 30 days for a full refund.",
                "paymentMethods", "Card payments through a secure Stripe checkout link."));
    }

    /** Each a body of {@code PUT /api/catalog/products/{sku}}. */
    static List<Map<String, Object>> products() {
        return PRODUCTS;
    }

    private static Map<String, Object> product(String sku, String name, String description, long priceMinor,
            Integer stock) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("sku", sku);
        product.put("name", name);
        product.put("description", description);
        product.put("priceMinor", priceMinor);
        product.put("currency", CURRENCY);
        product.put("stock", stock);
        product.put("active", true);
        return product;
    }

    private static Map<String, Object> faq(String topic, String question, String answer) {
        return Map.of("topic", topic, "question", question, "answer", answer);
    }
}
