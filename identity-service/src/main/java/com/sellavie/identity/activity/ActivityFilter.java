package com.sellavie.identity.activity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What {@code GET /api/activity} asks for: optional category, kind, actor, time range ({@code from}
 * inclusive, {@code to} exclusive), a page size and the cursor of the previous page (newest first).
 *
 * @param actor a member's user id, or null; {@link #systemActor} asks for the entries no member made
 */
record ActivityFilter(ActivityCategory category, String kind, UUID actor, boolean systemActor, Instant from,
        Instant to, Cursor after, int limit) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    /** Parses the query parameters; every bad one is named at once ({@link InvalidFilterException}). */
    static ActivityFilter parse(String category, String kind, String actor, String from, String to, String cursor,
            String limit) {
        Map<String, String> errors = new LinkedHashMap<>();
        ActivityCategory parsedCategory = null;
        if (present(category)) {
            try {
                parsedCategory = ActivityCategory.valueOf(category.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.put("category", "must be one of SECURITY, TEAM, SETTINGS, CHANNELS, CONVERSATIONS, ORDERS");
            }
        }
        String parsedKind = present(kind) ? kind.strip().toUpperCase(Locale.ROOT) : null;
        if (parsedKind != null && !parsedKind.matches("[A-Z_]{1,64}")) {
            errors.put("kind", "must be an activity kind, like LOGIN_FAILED");
        }
        UUID parsedActor = null;
        boolean system = present(actor) && "system".equalsIgnoreCase(actor.strip());
        if (present(actor) && !system) {
            try {
                parsedActor = UUID.fromString(actor.strip());
            } catch (IllegalArgumentException e) {
                errors.put("actor", "must be a member's user id or system");
            }
        }
        Instant parsedFrom = instant(from, "from", errors);
        Instant parsedTo = instant(to, "to", errors);
        if (parsedFrom != null && parsedTo != null && !parsedFrom.isBefore(parsedTo)) {
            errors.put("to", "must be after from");
        }
        Cursor parsedCursor = null;
        if (present(cursor)) {
            parsedCursor = Cursor.decode(cursor.strip());
            if (parsedCursor == null) {
                errors.put("cursor", "must be a nextCursor this endpoint returned");
            }
        }
        int parsedLimit = DEFAULT_LIMIT;
        if (present(limit)) {
            try {
                parsedLimit = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                parsedLimit = -1;
            }
            if (parsedLimit < 1 || parsedLimit > MAX_LIMIT) {
                errors.put("limit", "must be 1 to " + MAX_LIMIT);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFilterException(errors);
        }
        return new ActivityFilter(parsedCategory, parsedKind, parsedActor, system, parsedFrom, parsedTo, parsedCursor,
                parsedLimit);
    }

    private static Instant instant(String value, String field, Map<String, String> errors) {
        if (!present(value)) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "must be an ISO-8601 instant, like 2026-01-31T00:00:00Z");
            return null;
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** Where a page ended: the last entry's time and id (entries are ordered by both, newest first). */
    record Cursor(Instant occurredAt, UUID id) {

        String encode() {
            String raw = occurredAt + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String value) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
                int bar = raw.indexOf('|');
                return new Cursor(Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    static class InvalidFilterException extends RuntimeException {

        private final Map<String, String> fieldErrors;

        InvalidFilterException(Map<String, String> fieldErrors) {
            super("Invalid filters: " + fieldErrors.keySet());
            this.fieldErrors = Map.copyOf(fieldErrors);
        }

        Map<String, String> fieldErrors() {
            return fieldErrors;
        }
    }
}
