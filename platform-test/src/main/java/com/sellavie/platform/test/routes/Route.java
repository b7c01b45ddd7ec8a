package com.sellavie.platform.test.routes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.method.HandlerMethod;

/**
 * One HTTP method on one path pattern of the application, with the handler that answers it.
 *
 * @param method  the HTTP method ({@code GET} for a mapping that names none)
 * @param pattern the path pattern as mapped, e.g. {@code /api/channels/{id}}
 * @param handler the controller method
 * @param consumes the one media type the mapping requires of a request body, or null
 */
public record Route(String method, String pattern, HandlerMethod handler, String consumes) {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(?::[^}]*)?}");

    /**
     * How the suite names this route in its failures and how a test names it: {@code "GET /api/x/{id}"}, or
     * {@code "POST /api/x [text/csv]"} when the mapping requires a body type (two mappings may share a path).
     */
    public String key() {
        return method + " " + pattern + (consumes == null ? "" : " [" + consumes + "]");
    }

    /** The path variables' names, in order. */
    public List<String> variables() {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(pattern);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    boolean under(String prefix) {
        return pattern.equals(prefix) || pattern.startsWith(prefix + "/");
    }

    /** Safe calls first and deletions last, so a deletion cannot take away what a later call needs. */
    int order() {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS" -> 0;
            case "DELETE" -> 2;
            default -> 1;
        };
    }

    @Override
    public String toString() {
        return key() + " (" + handler.getShortLogMessage() + ")";
    }
}
