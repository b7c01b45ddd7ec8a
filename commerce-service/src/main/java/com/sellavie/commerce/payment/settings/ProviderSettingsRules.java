package com.sellavie.commerce.payment.settings;

import com.sellavie.commerce.web.InvalidInputException;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a valid PUT of provider settings is. Messages name prefixes and fields, never a secret's
 * value. {@code stored*} are the decrypted secrets already kept (null on the first PUT), so an
 * omitted secret can be checked against a changed mode.
 */
final class ProviderSettingsRules {

    private static final Pattern KEY_CHARACTERS = Pattern.compile("[\\x21-\\x7E]+");
    private static final int MIN_KEY_BODY = 8;
    private static final int MAX_SECRET = 512;
    private static final int MIN_SECRET_HASH = 16;

    private ProviderSettingsRules() {
    }

    /** The settings a request asks for, validated; secrets null when the request keeps the stored ones. */
    record Valid(String secretKey, String publicKey, String webhookSecret, Mode mode, String currency,
            boolean makeDefault, WebhookSignatureScheme scheme) {

        @Override
        public String toString() {
            return "Valid[mode=" + mode + ", currency=" + currency + ", makeDefault=" + makeDefault + "]";
        }
    }

    static Valid validate(Provider provider, ProviderSettingsRequest request, String storedSecretKey,
            boolean hasStoredWebhookSecret) {
        Map<String, String> errors = new LinkedHashMap<>();
        Mode mode = mode(request.mode(), errors);
        String currency = currency(request.currency(), errors);
        String secretKey = blankToNull(request.secretKey());
        if (secretKey == null && storedSecretKey == null) {
            errors.put("secretKey", "is required when " + provider + " is first configured");
        } else if (secretKey != null) {
            checkKey("secretKey", secretKey, m -> KeyFormats.secretKeyPrefixes(provider, m), mode, provider, errors);
        } else if (mode != null && KeyFormats.modeOfSecretKey(provider, storedSecretKey).orElse(mode) != mode) {
            errors.put("secretKey", "the stored key is not a " + mode + " key; send the " + mode + " secret key ("
                    + String.join(" or ", KeyFormats.secretKeyPrefixes(provider, mode)) + "…) with this mode");
        }
        String publicKey = blankToNull(request.publicKey());
        if (publicKey != null) {
            checkKey("publicKey", publicKey, m -> KeyFormats.publicKeyPrefixes(provider, m), mode, provider, errors);
        }
        String webhookSecret = blankToNull(request.webhookSecret());
        webhookSecret(provider, webhookSecret, hasStoredWebhookSecret, errors);
        WebhookSignatureScheme scheme = scheme(provider, request.webhookSignatureScheme(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Valid(secretKey, publicKey, webhookSecret, mode, currency, Boolean.TRUE.equals(request.isDefault()),
                scheme);
    }

    private static void checkKey(String field, String key, Function<Mode, List<String>> prefixesOf, Mode mode,
            Provider provider, Map<String, String> errors) {
        if (key.contains("…")) {
            errors.put(field, "is the masked form; send the whole key, or leave it out to keep the stored one");
        } else if (key.length() > MAX_SECRET || !KEY_CHARACTERS.matcher(key).matches()) {
            errors.put(field, "must be the key as the provider's dashboard shows it (no spaces, at most "
                    + MAX_SECRET + " characters)");
        } else if (mode == null) {
            return; // the mode's own error says what to fix; the prefix cannot be judged without it
        } else if (prefixesOf.apply(mode).stream().noneMatch(key::startsWith)) {
            Mode other = mode == Mode.TEST ? Mode.LIVE : Mode.TEST;
            errors.put(field, prefixesOf.apply(other).stream().anyMatch(key::startsWith)
                    ? "is a " + other + " key but mode is " + mode + ": send the " + mode + " key ("
                            + String.join(" or ", prefixesOf.apply(mode)) + "…) or set mode " + other
                    : "must be a " + provider + " " + mode + " key starting with "
                            + String.join(" or ", prefixesOf.apply(mode)));
        } else if (prefixesOf.apply(mode).stream().filter(key::startsWith)
                .allMatch(p -> key.length() - p.length() < MIN_KEY_BODY)) {
            errors.put(field, "is too short to be a " + provider + " key");
        }
    }

    private static void webhookSecret(Provider provider, String secret, boolean stored, Map<String, String> errors) {
        switch (provider) {
            case PAYSTACK -> {
                if (secret != null) {
                    errors.put("webhookSecret", "must be left out: Paystack signs webhooks with the secret key");
                }
            }
            case STRIPE -> {
                if (secret == null && !stored) {
                    errors.put("webhookSecret", "is required: the endpoint's signing secret (whsec_…) from "
                            + "Stripe's webhook settings");
                } else if (secret != null && secret.contains("…")) {
                    errors.put("webhookSecret", "is the masked form; send the whole secret, or leave it out");
                } else if (secret != null && (!secret.startsWith("whsec_") || secret.length() < 6 + MIN_KEY_BODY
                        || secret.length() > MAX_SECRET || !KEY_CHARACTERS.matcher(secret).matches())) {
                    errors.put("webhookSecret", "must be a Stripe webhook signing secret starting with whsec_");
                }
            }
            case FLUTTERWAVE -> {
                if (secret == null && !stored) {
                    errors.put("webhookSecret", "is required: the secret hash set in Flutterwave's webhook settings");
                } else if (secret != null && secret.contains("…")) {
                    errors.put("webhookSecret", "is the masked form; send the whole secret hash, or leave it out");
                } else if (secret != null && (secret.length() < MIN_SECRET_HASH || secret.length() > MAX_SECRET
                        || !KEY_CHARACTERS.matcher(secret).matches())) {
                    // v3 deliveries are authenticated by this value alone, so it must not be guessable.
                    errors.put("webhookSecret", "must be " + MIN_SECRET_HASH + " to " + MAX_SECRET
                            + " characters without spaces (a long random secret hash)");
                }
            }
        }
    }

    private static WebhookSignatureScheme scheme(Provider provider, String raw, Map<String, String> errors) {
        String value = blankToNull(raw);
        if (provider != Provider.FLUTTERWAVE) {
            if (value != null) {
                errors.put("webhookSignatureScheme", "applies to Flutterwave only");
            }
            return null;
        }
        if (value == null) {
            return WebhookSignatureScheme.VERIF_HASH;
        }
        try {
            return WebhookSignatureScheme.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put("webhookSignatureScheme", "must be VERIF_HASH or HMAC_SHA256");
            return null;
        }
    }

    private static Mode mode(String raw, Map<String, String> errors) {
        String value = blankToNull(raw);
        if (value == null) {
            errors.put("mode", "is required (TEST or LIVE)");
            return null;
        }
        try {
            return Mode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put("mode", "must be TEST or LIVE");
            return null;
        }
    }

    private static String currency(String raw, Map<String, String> errors) {
        String value = blankToNull(raw);
        if (value == null) {
            errors.put("currency", "is required (the default currency of checkouts with this provider)");
            return null;
        }
        String code = value.toUpperCase(Locale.ROOT);
        try {
            if (code.matches("[A-Z]{3}") && Currency.getInstance(code).getDefaultFractionDigits() >= 0) {
                return code;
            }
        } catch (IllegalArgumentException unknown) {
            // falls through to the error
        }
        errors.put("currency", "must be an ISO 4217 currency code such as NGN, GHS, KES, USD or EUR");
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
