package com.sellavie.platform.test.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The suite reads routes and role rules as the application declares them. */
class RoleRulesTest {

    @Test
    void findsEveryRouteWithItsVariablesAndBodyType() {
        try (AnnotationConfigApplicationContext context = application()) {
            Map<String, Route> routes = routes(context);

            assertThat(routes).containsOnlyKeys("GET /api/things/{id}", "POST /api/things/{id}/archive",
                    "POST /api/things [text/csv]", "GET /api/open");
            assertThat(routes.get("GET /api/things/{id}").variables()).containsExactly("id");
        }
    }

    @Test
    void aMethodRuleWinsOverItsClassRuleAndDecidesPerRole() {
        try (AnnotationConfigApplicationContext context = application()) {
            RoleRules rules = new RoleRules(context);
            Route archive = routes(context).get("POST /api/things/{id}/archive");
            Route read = routes(context).get("GET /api/things/{id}");

            assertThat(rules.expression(archive)).contains("hasRole('OWNER')");
            assertThat(RoleRules.ROLES.stream().filter(role -> rules.allows(archive, role))).containsExactly("OWNER");
            assertThat(rules.expression(read)).contains("hasAnyRole('OWNER', 'ADMIN', 'AGENT')");
            assertThat(RoleRules.ROLES.stream().filter(role -> rules.allows(read, role)))
                    .containsExactly("OWNER", "ADMIN", "AGENT");
        }
    }

    @Test
    void aRouteWithoutARuleHasNone() {
        try (AnnotationConfigApplicationContext context = application()) {
            assertThat(new RoleRules(context).expression(routes(context).get("GET /api/open"))).isEmpty();
        }
    }

    private static Map<String, Route> routes(AnnotationConfigApplicationContext context) {
        List<Route> all = RouteCatalog.of(context);
        return all.stream().collect(Collectors.toMap(Route::key, Function.identity()));
    }

    private static AnnotationConfigApplicationContext application() {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(Things.class);
        context.registerBean(Open.class);
        context.registerBean(RequestMappingHandlerMapping.class);
        context.refresh();
        return context;
    }

    @RestController
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
    static class Things {

        @GetMapping("/api/things/{id}")
        String read() {
            return "thing";
        }

        @PostMapping("/api/things/{id}/archive")
        @PreAuthorize("hasRole('OWNER')")
        String archive() {
            return "archived";
        }

        @PostMapping(path = "/api/things", consumes = "text/csv")
        String importCsv() {
            return "imported";
        }
    }

    @RestController
    static class Open {

        @GetMapping("/api/open")
        String open() {
            return "open";
        }
    }
}
