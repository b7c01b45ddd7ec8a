package com.sellavie.notification.email;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders an email from {@code email/<language>/<kind>.txt} and {@code .html} (Thymeleaf, kind in
 * lower case with dashes: {@code email-verification}). The text template's first line is the subject,
 * then a blank line, then the body. A language without the templates falls back to English.
 */
@Component
class EmailTemplates {

    static final String FALLBACK_LANGUAGE = "en";
    static final String LINK = "link";
    static final String EXPIRES_AT = "expiresAt";

    private final ITemplateEngine engine;

    EmailTemplates(ITemplateEngine emailTemplateEngine) {
        this.engine = emailTemplateEngine;
    }

    boolean knows(String kind) {
        // The kind becomes part of a resource path: only plain names.
        return kind != null && kind.matches("[A-Z][A-Z_]{0,63}") && exists(FALLBACK_LANGUAGE, kind);
    }

    /** The language used for a locale tag: its language when templates exist for it, else English. */
    String languageFor(String localeTag, String kind) {
        if (localeTag == null || localeTag.isBlank()) {
            return FALLBACK_LANGUAGE;
        }
        String language = Locale.forLanguageTag(localeTag.strip().replace('_', '-')).getLanguage();
        return !language.isEmpty() && exists(language, kind) ? language : FALLBACK_LANGUAGE;
    }

    /** {@code link} may be null (kinds without an action). */
    ComposedEmail render(String kind, String localeTag, Map<String, String> variables, String link) {
        String language = languageFor(localeTag, kind);
        Locale locale = Locale.forLanguageTag(language);
        Context context = new Context(locale);
        Map<String, Object> values = new HashMap<>(variables);
        values.put(LINK, link);
        if (variables.get(EXPIRES_AT) != null) {
            values.put(EXPIRES_AT, DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                    .withZone(ZoneOffset.UTC).format(Instant.parse(variables.get(EXPIRES_AT))) + " UTC");
        }
        context.setVariables(values);
        String name = language + "/" + templateName(kind);
        String text = engine.process(name + ".txt", context);
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || lines.getFirst().isBlank()) {
            throw new UndeliverableEmailException("Template " + name + ".txt has no subject line");
        }
        String body = String.join("\n", lines.subList(1, lines.size())).strip() + "\n";
        return new ComposedEmail(lines.getFirst().strip(), body, engine.process(name + ".html", context));
    }

    private static boolean exists(String language, String kind) {
        return new ClassPathResource("email/" + language + "/" + templateName(kind) + ".txt").exists()
                && new ClassPathResource("email/" + language + "/" + templateName(kind) + ".html").exists();
    }

    private static String templateName(String kind) {
        return kind.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
