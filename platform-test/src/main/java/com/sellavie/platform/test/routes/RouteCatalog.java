package com.sellavie.platform.test.routes;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every route the application's controllers answer, read from its {@link RequestMappingHandlerMapping}s. */
final class RouteCatalog {

    private RouteCatalog() {
    }

    static List<Route> of(ApplicationContext context) {
        return context.getBeansOfType(RequestMappingHandlerMapping.class).values().stream()
                .flatMap(mapping -> mapping.getHandlerMethods().entrySet().stream())
                .flatMap(RouteCatalog::routes)
                .distinct()
                .sorted(Comparator.comparingInt(Route::order).thenComparing(Route::pattern)
                        .thenComparing(Route::method))
                .toList();
    }

    private static Stream<Route> routes(Map.Entry<RequestMappingInfo, HandlerMethod> entry) {
        RequestMappingInfo info = entry.getKey();
        Set<String> methods = new TreeSet<>();
        info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).forEach(methods::add);
        if (methods.isEmpty()) {
            // A mapping without a method answers every method; GET is how a client reaches it first.
            methods.add("GET");
        }
        String consumes = info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst()
                .map(Object::toString).orElse(null);
        return info.getPatternValues().stream().flatMap(pattern -> methods.stream()
                .map(method -> new Route(method, pattern, entry.getValue(), consumes)));
    }
}
