package com.sellavie.ai.knowledge;

import java.math.BigDecimal;
import java.time.Instant;
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
 * @param orders       the orders of the customer being answered, newest first (commerce's
 *                     {@code commerce.orders}); empty when the reply is for no known customer
 */
public record BusinessKnowledge(UUID businessId, String businessName, Profile profile, List<Faq> faqs,
        List<Product> products, Settings settings, List<Order> orders) {

    /** The name used while ai-service has not heard of the business yet. */
    public static final String UNKNOWN_NAME = "our shop";

    public BusinessKnowledge {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(businessName, "businessName");
        profile = profile == null ? Profile.EMPTY : profile;
        faqs = List.copyOf(faqs);
        products = List.copyOf(products);
        settings = settings == null ? Settings.NONE : settings;
        orders = orders == null ? List.of() : List.copyOf(orders);
    }

    public BusinessKnowledge(UUID businessId, String businessName, Profile profile, List<Faq> faqs,
            List<Product> products, Settings settings) {
        this(businessId, businessName, profile, faqs, products, settings, List.of());
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
        return new BusinessKnowledge(businessId, businessName, profile, faqs, offered, settings, orders);
    }

    /** The same knowledge with these orders of the customer being answered. */
    public BusinessKnowledge withOrders(List<Order> customerOrders) {
        return new BusinessKnowledge(businessId, businessName, profile, faqs, products, settings, customerOrders);
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

    /**
     * One of the customer's orders as commerce last reported it.
     *
     * @param orderId    commerce's order id (what INVOICE / PAYMENT_STATUS tags name)
     * @param status     e.g. {@code awaiting payment}, {@code paid}, {@code cancelled}
     * @param items      what was ordered, e.g. {@code 2 x Linen Shirt (LINEN-SHIRT-M)}
     * @param totalMinor the total charged, in the currency's minor units
     * @param placedAt   when it was placed
     */
    public record Order(String orderId, String status, String items, long totalMinor, String currency,
            Instant placedAt) {

        /** The total for people, like {@link Product#price()}. */
        public String total() {
            return formatPrice(totalMinor, currency);
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
