package com.sellavie.platform.test.routes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public API of one running service against its OpenAPI document ({@code /v3/api-docs}, fetched without a
 * token as the gateway's {@code /api/docs} does): every route the controllers answer, except
 * {@code /internal/**}, {@code /ops/**} and the error page, is documented with its method, so an endpoint added
 * without docs fails the build the day it is added; nothing internal is documented; every operation documents
 * its errors as problem+json and names the bearer-token scheme unless the service lists its path as public.
 */
public final class ApiDocsCoverage {

    static final String DOCS = "/v3/api-docs";
    private static final List<String> NOT_PUBLIC = List.of("/internal", "/ops", "/actuator");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(?::[^}]*)?}");
    private static final String PROBLEM_JSON = "application/problem+json";

    private final ApplicationContext context;
    private final RouteCalls calls;

    private ApiDocsCoverage(ApplicationContext context, int port) {
        this.context = context;
        this.calls = new RouteCalls(port);
    }

    /** The coverage check of the application in {@code context}, listening on {@code port}. */
    public static ApiDocsCoverage of(ApplicationContext context, int port) {
        return new ApiDocsCoverage(context, port);
    }

    /** What the document holds: its operations as {@code "GET /api/x/{id}"}. */
    public record Report(Set<String> documented, JsonNode document) {
    }

    /** Fetches the document and compares; throws one {@link AssertionError} listing every finding. */
    public Report verify() {
        RouteCalls.Answer answer = calls.call("GET", DOCS, null, "application/json", "", false);
        if (answer.status() != 200) {
            throw new AssertionError("GET " + DOCS + " without a token answered " + answer.status() + ": "
                    + answer.body());
        }
        JsonNode document = JsonMapper.shared().readTree(answer.body());
        List<String> failures = new ArrayList<>();
        Set<String> documented = new TreeSet<>();
        for (var path : document.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    String key = operation.getKey().toUpperCase() + " " + normalised(path.getKey());
                    documented.add(key);
                    conventions(key, operation.getValue(), failures);
                }
            }
        }
        for (Route route : RouteCatalog.of(context)) {
            String key = route.method() + " " + normalised(route.pattern());
            if (isPublicApi(route) && !documented.contains(key)) {
                failures.add(key + " (" + route.handler().getShortLogMessage() + ") is missing from " + DOCS);
            }
        }
        documented.stream().filter(key -> NOT_PUBLIC.stream().anyMatch(prefix -> key.contains(" " + prefix + "/")))
                .forEach(key -> failures.add(key + " is documented but is not public API"));
        if (!document.path("components").path("securitySchemes").path("bearer-jwt").path("scheme").asString("")
                .equals("bearer")) {
            failures.add("no bearer-jwt security scheme in " + DOCS);
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " API docs finding(s):\n  " + String.join("\n  ", failures));
        }
        return new Report(documented, document);
    }

    /** Errors as problem+json; a bearer token named, or explicitly none (an empty list) on public paths. */
    private static void conventions(String key, JsonNode operation, List<String> failures) {
        if (operation.path("responses").path("400").path("content").path(PROBLEM_JSON).isMissingNode()) {
            failures.add(key + ": its 400 answer is not documented as " + PROBLEM_JSON);
        }
        if (!operation.has("security")) {
            failures.add(key + ": says nothing of the token it needs (security)");
        }
    }

    /** The description itself ({@code /v3/api-docs}, {@code /v3/api-docs.yaml}) is not part of the API. */
    static boolean describesTheApi(Route route) {
        return route.pattern().startsWith(DOCS);
    }

    private static boolean isPublicApi(Route route) {
        return !route.pattern().equals("/error") && !describesTheApi(route)
                && NOT_PUBLIC.stream().noneMatch(route::under);
    }

    private static String normalised(String pattern) {
        return VARIABLE.matcher(pattern).replaceAll("{$1}");
    }
}
