package com.sellavie.commerce.catalog;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a valid product is. The sku is written into model tags ({@code [[CHECKOUT sku=...]]}) and
 * names are given to the model, so both are kept to plain text: no control characters, no spaces
 * or brackets in a sku.
 */
final class ProductRules {

    static final Pattern SKU = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._/-]*");
    static final int SKU_MAX = 64;
    static final int NAME_MAX = 200;
    static final int DESCRIPTION_MAX = 2000;
    static final long PRICE_MAX = 1_000_000_000_000L;
    private static final BigDecimal PRICE_MAX_DECIMAL = BigDecimal.valueOf(PRICE_MAX);
    private static final BigDecimal STOCK_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    private ProductRules() {
    }

    /**
     * Validates {@code input}; every problem goes into {@code errors} under {@code prefix + field}.
     *
     * @return the product, or null when {@code errors} got at least one entry for it
     */
    static ProductDetails validate(ProductInput input, String prefix, Map<String, String> errors) {
        int before = errors.size();
        String sku = sku(input.sku(), prefix, errors);
        String name = strip(input.name());
        if (name == null || name.isEmpty()) {
            errors.put(prefix + "name", "is required");
        } else if (name.length() > NAME_MAX) {
            errors.put(prefix + "name", "must be at most " + NAME_MAX + " characters");
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            errors.put(prefix + "name", "must be one line of text (no control characters)");
        }
        String description = strip(input.description());
        if (description != null && description.isEmpty()) {
            description = null;
        }
        if (description != null && description.length() > DESCRIPTION_MAX) {
            errors.put(prefix + "description", "must be at most " + DESCRIPTION_MAX + " characters");
        } else if (description != null && description.chars()
                .anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            errors.put(prefix + "description", "must not contain control characters");
        }
        Long price = price(input.priceMinor(), prefix, errors);
        String currency = currency(input.currency(), prefix + "currency", errors);
        Integer stock = stock(input.stock(), prefix, errors);
        if (errors.size() > before) {
            return null;
        }
        return new ProductDetails(sku, name, description, price, currency, stock,
                input.active() == null || input.active());
    }

    static String sku(String raw, String prefix, Map<String, String> errors) {
        String sku = strip(raw);
        if (sku == null || sku.isEmpty()) {
            errors.put(prefix + "sku", "is required");
        } else if (sku.length() > SKU_MAX) {
            errors.put(prefix + "sku", "must be at most " + SKU_MAX + " characters");
        } else if (!SKU.matcher(sku).matches()) {
            errors.put(prefix + "sku", "must start with a letter or digit and contain only letters, digits, "
                    + "'.', '_', '/' and '-'");
        }
        return sku;
    }

    /** An ISO 4217 code with a minor unit (so not XXX or XAU), upper-cased. */
    static String currency(String raw, String field, Map<String, String> errors) {
        String code = strip(raw);
        if (code == null || code.isEmpty()) {
            errors.put(field, "is required");
            return null;
        }
        code = code.toUpperCase(Locale.ROOT);
        if (fractionDigits(code) < 0) {
            errors.put(field, "must be an ISO 4217 currency code such as NGN, GHS, KES, USD or EUR");
            return null;
        }
        return code;
    }

    /** The currency's minor-unit digits (NGN 2, JPY 0), or -1 when it is not a priceable ISO 4217 code. */
    static int fractionDigits(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return -1;
        }
        try {
            return Currency.getInstance(code).getDefaultFractionDigits();
        } catch (IllegalArgumentException unknown) {
            return -1;
        }
    }

    private static Long price(BigDecimal raw, String prefix, Map<String, String> errors) {
        String field = prefix + "priceMinor";
        if (raw == null) {
            errors.put(field, "is required");
            return null;
        }
        if (raw.stripTrailingZeros().scale() > 0) {
            errors.put(field, "must be a whole number of minor units (kobo, cents)");
            return null;
        }
        if (raw.signum() < 0 || raw.compareTo(PRICE_MAX_DECIMAL) > 0) {
            errors.put(field, "must be between 0 and " + PRICE_MAX);
            return null;
        }
        return raw.longValueExact();
    }

    private static Integer stock(BigDecimal raw, String prefix, Map<String, String> errors) {
        if (raw == null) {
            return null;
        }
        if (raw.stripTrailingZeros().scale() > 0 || raw.signum() < 0 || raw.compareTo(STOCK_MAX) > 0) {
            errors.put(prefix + "stock", "must be empty (unlimited) or a whole number, 0 or more");
            return null;
        }
        return raw.intValueExact();
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
