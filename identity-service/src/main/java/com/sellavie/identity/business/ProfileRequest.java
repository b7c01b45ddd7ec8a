package com.sellavie.identity.business;

import com.sellavie.identity.auth.BusinessName;
import com.sellavie.identity.auth.EmailAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code PUT /api/business}: the whole profile. A missing or blank optional field clears it. Every
 * invalid field is reported at once; messages never repeat what was sent.
 */
record ProfileRequest(String name, String timeZone, String language, String country, String contactEmail,
        String logoUrl) {

    static final int MAX_LOGO_URL = 2048;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    /** The normalised profile (without its edit time), or {@link InvalidProfileException} naming each bad field. */
    Valid validate() {
        Map<String, String> errors = new LinkedHashMap<>();
        String cleanName = BusinessName.normalise(name);
        BusinessName.problem(cleanName).ifPresent(problem -> errors.put("name", problem));
        String zone = blankToNull(timeZone);
        if (zone != null && !ZoneId.getAvailableZoneIds().contains(zone)) {
            errors.put("timeZone", "must be an IANA time zone, like Europe/Paris");
        }
        String tag = languageTag(blankToNull(language));
        if (blankToNull(language) != null && tag == null) {
            errors.put("language", "must be a BCP 47 language tag, like en, fr or pt-BR");
        }
        String countryCode = blankToNull(country) == null ? null : country.strip().toUpperCase(Locale.ROOT);
        if (countryCode != null && !COUNTRIES.contains(countryCode)) {
            errors.put("country", "must be an ISO 3166-1 alpha-2 country code, like NG or FR");
        }
        String email = EmailAddress.normalise(blankToNull(contactEmail));
        if (email != null) {
            EmailAddress.problem(email).ifPresent(problem -> errors.put("contactEmail", problem));
        }
        String logo = blankToNull(logoUrl);
        if (logo != null) {
            logoProblem(logo).ifPresent(problem -> errors.put("logoUrl", problem));
        }
        if (!errors.isEmpty()) {
            throw new InvalidProfileException(errors);
        }
        return new Valid(cleanName, zone, tag, countryCode, email, logo);
    }

    /** The canonical form of a tag whose language (and region, if any) Java knows, else null. */
    private static String languageTag(String value) {
        if (value == null || !value.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            return null;
        }
        Locale locale = Locale.forLanguageTag(value);
        if (!LANGUAGES.contains(locale.getLanguage())
                || !locale.getCountry().isEmpty() && !COUNTRIES.contains(locale.getCountry())
                || !locale.toLanguageTag().equalsIgnoreCase(value)) {
            return null;
        }
        return locale.toLanguageTag();
    }

    private static java.util.Optional<String> logoProblem(String logo) {
        if (logo.length() > MAX_LOGO_URL) {
            return java.util.Optional.of("must be at most " + MAX_LOGO_URL + " characters");
        }
        try {
            URI uri = new URI(logo);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getUserInfo() != null) {
                return java.util.Optional.of("must be an https:// address");
            }
        } catch (URISyntaxException e) {
            return java.util.Optional.of("must be an https:// address");
        }
        return java.util.Optional.empty();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A profile that passed every rule, normalised. */
    record Valid(String name, String timeZone, String language, String country, String contactEmail,
            String logoUrl) {
    }
}
