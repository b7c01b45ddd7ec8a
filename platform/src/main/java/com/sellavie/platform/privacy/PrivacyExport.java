package com.sellavie.platform.privacy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One service's part of an export: named sections (e.g. {@code "contacts"}, {@code "messages"}), each a
 * JSON-serialisable value, and how many records they hold.
 */
public record PrivacyExport(Map<String, Object> data, int itemCount) {

    /** Sections of rows; the item count is the number of rows across them. */
    public static PrivacyExport of(Map<String, ? extends Collection<?>> sections) {
        int count = sections.values().stream().mapToInt(Collection::size).sum();
        return new PrivacyExport(new LinkedHashMap<>(sections), count);
    }
}
