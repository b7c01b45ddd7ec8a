package com.sellavie.ai.knowledge;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything a reply may draw on for one business.
 *
 * @param businessId   the tenant
 * @param businessName its display name ({@link #UNKNOWN_NAME} until BusinessRegistered arrives)
 * @param profile      the merchant's short texts about the business (all optional)
 * @param faqs         questions the merchant answered in advance
 * @param products     the products on offer (commerce's catalog, active ones only); the only skus a
 *                     CHECKOUT may name
 * @param settings     the business's language and time zone from its profile (each may be null)
 */
public record BusinessKnowledge(UUID businessId, String businessName, Profile profile, List<Faq> faqs,
        List<Product> products, Settings settings) {

    /** The name used while ai-service has not heard of the business yet. */
    public static final String UNKNOWN_NAME = "our shop";

    public BusinessKnowledge {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(businessName, "businessName");
        profile = profile == null ? Profile.EMPTY : profile;
        faqs = List.copyOf(faqs);
        products = List.copyOf(products);
        settings = settings == null ? Settings.NONE : settings;
    }

    public BusinessKnowledge(UUID businessId, String businessName, Profile profile, List<Faq> faqs,
            List<Product> products) {
        this(businessId, businessName, profile, faqs, products, Settings.NONE);
    }

    public BusinessKnowledge(UUID businessId, String businessName, List<Faq> faqs, List<Product> products) {
        this(businessId, businessName, Profile.EMPTY, faqs, products);
    }

    public List<String> skus() {
        return products.stream().map(Product::sku).toList();
    }

    /** The same knowledge with these products on offer. */
    public BusinessKnowledge withProducts(List<Product> offered) {
        return new BusinessKnowledge(businessId, businessName, profile, faqs, offered, settings);
    }

    /**
     * The business's own settings from identity's {@code BusinessUpdated}.
     *
     * @param language BCP 47 tag the business talks to customers in (e.g. {@code pt-BR}); null if not set
     * @param timeZone IANA zone (e.g. {@code Africa/Lagos}); null if not set
     */
    public record Settings(String language, String timeZone) {

        public static final Settings NONE = new Settings(null, null);
    }

    /**
     * A prepared answer.
     *
     * @param topic    a keyword that, found in the customer's message, selects it (e.g. {@code delivery})
     * @param question the question as the merchant wrote it
     * @param answer   the answer
     */
    public record Faq(String topic, String question, String answer) {
    }

    /** Short free texts about the business; any may be {@code null}. */
    public record Profile(String about, String openingHours, String delivery, String returns,
            String paymentMethods) {

        public static final Profile EMPTY = new Profile(null, null, null, null, null);

        public boolean isEmpty() {
            return EMPTY.equals(this);
        }
    }

    /**
     * A product on offer (active in the catalog).
     *
     * @param priceMinor unit price in the currency's minor units (cents, kobo)
     * @param currency   ISO 4217 code
     * @param stock      units in stock; {@code null} for unlimited, 0 for unavailable
     */
    public record Product(String sku, String name, String description, long priceMinor, String currency,
            Integer stock) {

        public boolean available() {
            return stock == null || stock > 0;
        }

        /** The price for people: major units with the currency's fraction digits, e.g. {@code 25.00 USD}. */
        public String price() {
            return formatPrice(priceMinor, currency);
        }
    }

    /** {@code 2500, USD} -> {@code 25.00 USD}; {@code 1500, JPY} -> {@code 1500 JPY}; {@code 1500, KWD} -> {@code 1.500 KWD}. */
    public static String formatPrice(long minor, String currency) {
        return BigDecimal.valueOf(minor, fractionDigits(currency)).toPlainString() + " " + currency;
    }

    /**
     * ISO 4217 fraction digits (as {@link Currency} knows them); 0 for codes without any (gold, test
     * codes), 2, the common case, for a code newer than the JDK.
     */
    public static int fractionDigits(String currency) {
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException e) {
            return 2;
        }
    }
}
