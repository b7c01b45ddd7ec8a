package com.sellavie.platform.test.routes;

import com.sellavie.platform.test.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The role and tenant suite of one running service, generated from its routes, so a new endpoint is
 * checked the day it is added. For every route of the application:
 * <ul>
 * <li>{@code /api/**}: it carries {@code @PreAuthorize} (method or class) unless the test lists it as
 * public; without a token it answers 401; a member of another business (tenant B) with each role gets 403
 * exactly when the rule refuses that role; otherwise, called with tenant A's ids, 404 without any of A's
 * marker strings in the body, while A itself is answered (not 404) with the same request; a route without
 * tenant ids answers an allowed role (not 401, 403 or 500) and shows B none of A's markers;</li>
 * <li>{@code /internal/**}, {@code /ops/**}: refused (401 or 403) without a token and with a member's token;
 * {@code /webhooks/**}: an unsigned call is never accepted (no 2xx), with or without a member's token;</li>
 * <li>{@code /v3/api-docs}: the public API's description, open to anyone ({@link ApiDocsCoverage} checks it);</li>
 * <li>anything else must be listed as public.</li>
 * </ul>
 * A path variable without a fixture fails the suite, naming the route. All findings are reported at once.
 * Tokens are forged by {@link TestTokens} (a fresh tenant B per route) unless the test hands the suite tokens the
 * service issued itself ({@link #issuedTokens}): identity-service accepts no other.
 */
public final class RouteSecuritySuite {

    private static final Logger log = LoggerFactory.getLogger(RouteSecuritySuite.class);
    private static final String NIL = "00000000-0000-0000-0000-000000000000";
    private static final List<String> GUARDED = List.of("/internal", "/ops", "/webhooks");

    private final ApplicationContext context;
    private final RouteCalls calls;
    private final Map<String, String> publicRoutes = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> variables = new HashMap<>();
    private final Map<String, String> bodies = new HashMap<>();
    private final Map<String, String> contentTypes = new HashMap<>();
    private final Map<String, String> shared = new HashMap<>();
    private final Map<String, String> queries = new HashMap<>();
    private UUID tenantA;
    private Set<String> markers = Set.of();
    private Map<String, String> issuedA;
    private Map<String, String> issuedB;

    private RouteSecuritySuite(ApplicationContext context, int port) {
        this.context = context;
        this.calls = new RouteCalls(port);
    }

    /** The suite of the application in {@code context}, listening on {@code port}. */
    public static RouteSecuritySuite of(ApplicationContext context, int port) {
        return new RouteSecuritySuite(context, port);
    }

    /** A route anyone may call ({@code "POST /api/auth/login"}), and why: no token and no role is checked. */
    public RouteSecuritySuite publicRoute(String key, String why) {
        publicRoutes.put(key, why);
        return this;
    }

    /** Tenant A, whose resources the test created, and strings of its data that B must never see. */
    public RouteSecuritySuite tenantA(UUID businessId, String... markerStrings) {
        this.tenantA = businessId;
        this.markers = Set.of(markerStrings);
        return this;
    }

    /**
     * Real members' tokens, by role ({@code OWNER}, {@code ADMIN}, {@code AGENT}), for a service that accepts only
     * tokens it issued: tenant A's members (their business is the one named by {@link #tenantA}) and the members
     * of one other business, tenant B. The suite's calls must not end these sessions (give bodies that do not).
     */
    public RouteSecuritySuite issuedTokens(Map<String, String> tenantATokens, Map<String, String> tenantBTokens) {
        for (Map<String, String> tokens : List.of(tenantATokens, tenantBTokens)) {
            List<String> missing = RoleRules.ROLES.stream().filter(role -> !tokens.containsKey(role)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("No token for " + missing + ": give one per role "
                        + RoleRules.ROLES);
            }
        }
        this.issuedA = Map.copyOf(tenantATokens);
        this.issuedB = Map.copyOf(tenantBTokens);
        return this;
    }

    /** A's value for path variable {@code name} in every route (a more specific prefix wins). */
    public RouteSecuritySuite variable(String name, Object value) {
        return variable("", name, value);
    }

    /** A's value for path variable {@code name} in routes under {@code pathPrefix} (e.g. {@code /api/channels}). */
    public RouteSecuritySuite variable(String pathPrefix, String name, Object value) {
        variables.computeIfAbsent(name, n -> new HashMap<>()).put(pathPrefix, String.valueOf(value));
        return this;
    }

    /**
     * A value for path variable {@code name} that names no tenant's resource (e.g. a provider, an enum): routes
     * whose variables are all such are checked like routes without variables.
     */
    public RouteSecuritySuite sharedVariable(String name, Object value) {
        shared.put(name, String.valueOf(value));
        return this;
    }

    /**
     * The JSON body to send to {@code key} ({@code "POST /api/x"}): one the route accepts (default {@code {}}),
     * so that a refused role meets the role rule, not body validation (which runs first).
     */
    public RouteSecuritySuite body(String key, String json) {
        return body(key, "application/json", json);
    }

    /** A body of another type, e.g. {@code multipart/form-data; boundary=...}. */
    public RouteSecuritySuite body(String key, String contentType, String content) {
        bodies.put(key, content);
        contentTypes.put(key, contentType);
        return this;
    }

    /** A query string ({@code "status=UNKNOWN"}) to add to every call of {@code key}. */
    public RouteSecuritySuite query(String key, String query) {
        queries.put(key, query);
        return this;
    }

    /** Runs the suite; throws one {@link AssertionError} listing every finding. */
    public Report verify() {
        if (tenantA == null) {
            throw new IllegalStateException("Name tenant A (tenantA(...)) before verify()");
        }
        List<Route> routes = RouteCatalog.of(context);
        RoleRules rules = new RoleRules(context);
        awaitTokensAccepted(routes);
        List<String> failures = new ArrayList<>(unknownKeys(routes));
        List<Route> api = new ArrayList<>();
        List<Route> tenantControls = new ArrayList<>();
        int guarded = 0;
        for (Route route : routes) {
            if (publicRoutes.containsKey(route.key()) || route.pattern().equals("/error")
                    || ApiDocsCoverage.describesTheApi(route)) {
                continue;
            }
            if (GUARDED.stream().anyMatch(route::under)) {
                guarded++;
                refusesMembers(route, failures);
            } else if (route.under("/api")) {
                api.add(route);
                if (memberChecks(route, rules, failures)) {
                    tenantControls.add(route);
                }
            } else {
                failures.add(route + ": neither /api, /internal, /ops nor /webhooks; list it as public (and why)"
                        + " or move it");
            }
        }
        // A's own calls run last (deletions at the very end): they prove each fixture names a live resource.
        tenantControls.forEach(route -> answersTenantA(route, rules, failures));
        Report report = new Report(api.size(), guarded, publicRoutes.size(),
                api.stream().map(Route::key).toList());
        log.info("Route security suite: {} /api routes, {} guarded routes, {} public routes checked",
                report.apiRoutes(), report.guardedRoutes(), report.publicRoutes());
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " route security finding(s):\n  "
                    + String.join("\n  ", failures));
        }
        return report;
    }

    /**
     * The service fetches identity's keys on the first token it sees; on a loaded machine that first fetch can
     * time out (a 500 that has nothing to do with any route), so the suite starts once a token is accepted.
     */
    private void awaitTokensAccepted(List<Route> routes) {
        routes.stream().filter(route -> route.under("/api") && route.variables().isEmpty()
                && !publicRoutes.containsKey(route.key()) && !streams(route)).findFirst()
                .ifPresent(route -> Awaitility.await().atMost(Duration.ofSeconds(90)).until(
                        () -> call(route, route.pattern(), tokenOfB(UUID.randomUUID(), "OWNER")).status(),
                        status -> status != 500));
    }

    /** How many routes the suite covered, and the {@code /api} ones by name. */
    public record Report(int apiRoutes, int guardedRoutes, int publicRoutes, List<String> apiRouteKeys) {
    }

    /** Returns whether the route is ready for tenant A's control call (it has path variables and a fixture). */
    private boolean memberChecks(Route route, RoleRules rules, List<String> failures) {
        if (rules.expression(route).isEmpty()) {
            failures.add(route + ": no @PreAuthorize on the method or its controller");
            return false;
        }
        String path = path(route, failures);
        if (path == null) {
            return false;
        }
        expect(route, "without a token", call(route, path, null), Set.of(401), failures);
        UUID tenantB = UUID.randomUUID();
        boolean anyAllowed = false;
        for (String role : RoleRules.ROLES) {
            String who = "tenant B's " + role;
            RouteCalls.Answer answer = call(route, path, tokenOfB(tenantB, role));
            if (!rules.allows(route, role)) {
                expect(route, who + " (role refused)", answer, Set.of(403), failures);
                continue;
            }
            anyAllowed = true;
            if (tenantScoped(route)) {
                expect(route, who + " with tenant A's ids", answer, Set.of(404), failures);
            } else if (answer.status() == 401 || answer.status() == 403 || answer.status() == 500) {
                failures.add(route + ": " + who + " (role allowed) got " + answer.status() + " " + brief(answer));
            }
            markers.stream().filter(answer.body()::contains).findFirst().ifPresent(marker -> failures.add(
                    route + ": " + who + " saw tenant A's data \"" + marker + "\""));
        }
        return anyAllowed && tenantScoped(route);
    }

    private boolean tenantScoped(Route route) {
        return route.variables().stream().anyMatch(name -> !shared.containsKey(name));
    }

    private void answersTenantA(Route route, RoleRules rules, List<String> failures) {
        String role = RoleRules.ROLES.stream().filter(r -> rules.allows(route, r)).findFirst().orElseThrow();
        RouteCalls.Answer answer = call(route, path(route, failures), tokenOfA(role));
        if (Set.of(401, 403, 404).contains(answer.status())) {
            failures.add(route + ": tenant A's own " + role + " got " + answer.status()
                    + ", so B's 404 proves nothing: fix the fixture of " + route.variables() + " " + brief(answer));
        }
    }

    private void refusesMembers(Route route, List<String> failures) {
        String path = route.pattern();
        for (String name : route.variables()) {
            String value = variableFor(route, name);
            path = path.replaceFirst(variablePattern(name), value == null ? NIL : value);
        }
        String memberToken = tokenOfB(UUID.randomUUID(), "OWNER");
        if (route.under("/webhooks")) {
            // A webhook carries the provider's signature, not a token: nothing unsigned is accepted.
            for (String token : Arrays.asList(null, memberToken)) {
                RouteCalls.Answer answer = call(route, path, token);
                if (answer.status() < 300) {
                    failures.add(route + ": an unsigned call " + (token == null ? "without a token"
                            : "with a member's token") + " was accepted (" + answer.status() + ")");
                }
            }
            return;
        }
        expect(route, "without a token", call(route, path, null), Set.of(401, 403), failures);
        expect(route, "with a member's token", call(route, path, memberToken), Set.of(401, 403), failures);
    }

    private RouteCalls.Answer call(Route route, String path, String token) {
        String query = queries.get(route.key());
        String target = query == null ? path : path + "?" + query;
        String contentType = contentTypes.getOrDefault(route.key(),
                route.consumes() == null ? "application/json" : route.consumes());
        return calls.call(route.method(), target, token, contentType, bodies.getOrDefault(route.key(), "{}"),
                streams(route));
    }

    /** A server-sent events route: its body never ends, so only its status is read. */
    private static boolean streams(Route route) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(route.handler().getMethod(),
                RequestMapping.class);
        return SseEmitter.class.isAssignableFrom(route.handler().getMethod().getReturnType())
                || mapping != null && List.of(mapping.produces()).contains(MediaType.TEXT_EVENT_STREAM_VALUE);
    }

    /** The route's path with tenant A's values, or null (and a finding) when a variable has no fixture. */
    private String path(Route route, List<String> failures) {
        String path = route.pattern();
        for (String name : route.variables()) {
            String value = variableFor(route, name);
            if (value == null) {
                failures.add(route + ": add a fixture for {" + name + "} (variable(\"" + name + "\", tenant A's id))"
                        + " in this service's route security test");
                return null;
            }
            path = path.replaceFirst(variablePattern(name), value);
        }
        return path;
    }

    private static String variablePattern(String name) {
        return "\\{\\*?" + Pattern.quote(name) + "(:[^}]*)?}";
    }

    private String variableFor(Route route, String name) {
        if (shared.containsKey(name)) {
            return shared.get(name);
        }
        return variables.getOrDefault(name, Map.of()).entrySet().stream()
                .filter(e -> e.getKey().isEmpty() || route.under(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue).orElse(null);
    }

    private static void expect(Route route, String who, RouteCalls.Answer answer, Set<Integer> statuses,
            List<String> failures) {
        if (!statuses.contains(answer.status())) {
            failures.add(route + ": " + who + " expected " + statuses + " but got " + answer.status() + " "
                    + brief(answer) + (answer.status() == 400 ? " (send a body/query the route accepts)" : ""));
        }
    }

    private static String brief(RouteCalls.Answer answer) {
        String body = answer.body();
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }

    private List<String> unknownKeys(List<Route> routes) {
        Set<String> known = routes.stream().map(Route::key).collect(Collectors.toSet());
        List<String> stale = new ArrayList<>();
        for (String key : concat(publicRoutes.keySet(), bodies.keySet(), queries.keySet())) {
            if (!known.contains(key)) {
                stale.add(key + ": named by the test but no such route (stale entry?)");
            }
        }
        return stale;
    }

    @SafeVarargs
    private static List<String> concat(Set<String>... sets) {
        List<String> all = new ArrayList<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }

    private String tokenOfA(String role) {
        return issuedA != null ? issuedA.get(role) : token(tenantA, role);
    }

    /** A member of tenant B with {@code role}: an issued token, or one forged for {@code business}. */
    private String tokenOfB(UUID business, String role) {
        return issuedB != null ? issuedB.get(role) : token(business, role);
    }

    private static String token(UUID business, String role) {
        return TestTokens.accessTokenWith(business, UUID.randomUUID(), role, TestTokens.TYPE,
                Map.of("email_verified", true));
    }
}
