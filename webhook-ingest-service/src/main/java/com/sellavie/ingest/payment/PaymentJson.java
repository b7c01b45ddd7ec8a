package com.sellavie.ingest.payment;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Reads fields of one verified provider body by dotted path, collecting what is wrong with every field asked
 * for, so that a refusal lists them all ({@link #check()}). Strict: one JSON object, nothing after it, no
 * duplicated keys (two {@code amount}s would let two readers see two amounts), decimals read exactly.
 */
final class PaymentJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,18}(\\.[0-9]{1,18})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");

    private final JsonNode root;
    private final Map<String, String> errors = new LinkedHashMap<>();

    private PaymentJson(JsonNode root) {
        this.root = root;
    }

    /** Parses a verified body; not JSON, or not an object: refused with the whole body ({@code $}) named. */
    static PaymentJson parse(byte[] body) throws MalformedPaymentException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            // Jackson's message may quote the body: only say that it is not JSON.
            throw new MalformedPaymentException(Map.of("$", "not valid JSON"));
        }
        if (root == null || !root.isObject()) {
            throw new MalformedPaymentException(Map.of("$", "not a JSON object"));
        }
        return new PaymentJson(root);
    }

    /** Whether {@code path} holds anything but null. */
    boolean has(String path) {
        JsonNode node = node(path);
        return !node.isMissingNode() && !node.isNull();
    }

    /** A non-blank string; numbers are not accepted where a name is expected. */
    String requiredText(String path) {
        JsonNode node = node(path);
        if (node.isString() && !node.asString().isBlank()) {
            return node.asString();
        }
        return error(path, node.isMissingNode() || node.isNull() ? "missing" : "must be a non-empty string");
    }

    /** A string, or null when absent or not a string (e.g. Paystack's {@code metadata: ""}). */
    String optionalText(String path) {
        JsonNode node = node(path);
        return node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }

    /** An identifier the provider sends as a number (Paystack {@code 302961}) or a string. */
    String requiredId(String path) {
        JsonNode node = node(path);
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        return requiredText(path);
    }

    /** An id, or the {@code id} of an expanded object (Stripe's {@code payment_intent}); null when absent. */
    String optionalIdOrExpanded(String path) {
        JsonNode node = node(path);
        if (node.isObject()) {
            node = node.path("id");
        }
        return node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }

    Boolean optionalBoolean(String path) {
        JsonNode node = node(path);
        return node.isBoolean() ? node.booleanValue() : null;
    }

    /** An amount already in minor units: a non-negative whole number (or a string of digits). */
    Long requiredMinor(String path) {
        if (!has(path)) {
            return error(path, "missing");
        }
        return optionalMinor(path);
    }

    Long optionalMinor(String path) {
        JsonNode node = node(path);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.bigIntegerValue().signum() >= 0
                && node.bigIntegerValue().bitLength() < 64) {
            return node.longValue();
        }
        if (node.isString() && DIGITS.matcher(node.asString()).matches()) {
            return Long.parseLong(node.asString());
        }
        return error(path, "must be a whole non-negative amount in minor units");
    }

    /** An amount in major units, converted exactly to minor units of {@code currency} (null when that is unknown). */
    Long requiredMajorAsMinor(String path, Currency currency) {
        JsonNode node = node(path);
        BigDecimal major = null;
        if (node.isNumber()) {
            major = node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
        } else if (node.isString() && DECIMAL.matcher(node.asString()).matches()) {
            major = new BigDecimal(node.asString());
        } else if (node.isMissingNode() || node.isNull()) {
            return error(path, "missing");
        }
        if (major == null) {
            return error(path, "must be a number");
        }
        if (currency == null) {
            return null; // the currency's own error already says why
        }
        return MinorUnits.of(major, currency).orElseGet(() -> error(path, "not an exact non-negative amount in "
                + currency.getCurrencyCode() + " (" + currency.getDefaultFractionDigits() + " decimals)"));
    }

    /** An ISO 4217 code in any case (Stripe sends {@code usd}); null, with an error, when absent or unknown. */
    Currency requiredCurrency(String path) {
        if (!has(path)) {
            return error(path, "missing");
        }
        return optionalCurrency(path);
    }

    Currency optionalCurrency(String path) {
        JsonNode node = node(path);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isString() && CURRENCY.matcher(node.asString()).matches()) {
            try {
                return Currency.getInstance(node.asString().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                // falls through to the error below
            }
        }
        return error(path, "must be an ISO 4217 currency code");
    }

    /** Refuses the body when any field asked for so far was wrong, listing each. */
    void check() throws MalformedPaymentException {
        if (!errors.isEmpty()) {
            throw new MalformedPaymentException(errors);
        }
    }

    private JsonNode node(String path) {
        JsonNode node = root;
        for (String name : path.split("\\.")) {
            node = node.isObject() ? node.path(name) : MissingNode.getInstance();
        }
        return node;
    }

    private <T> T error(String path, String problem) {
        errors.putIfAbsent(path, problem);
        return null;
    }

    static String code(Currency currency) {
        return currency == null ? null : currency.getCurrencyCode();
    }
}
