package com.sellavie.gateway.console;

import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The console's route. Router functions are consulted before the gateway's routes, so this one
 * stays off every path whose first segment belongs to a backend or to the gateway itself: those keep
 * their routes, or their 404.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleRoutes {

    /** First path segments that are never the console's. */
    static final Set<String> NOT_CONSOLE = Set.of("api", "webhooks", "actuator", ".well-known", "internal", "ops",
            "meta", "privacy");

    @Bean
    ConsoleFiles consoleFiles(ConsoleProperties properties) {
        return new ConsoleFiles(properties);
    }

    @Bean
    RouterFunction<ServerResponse> console(ConsoleFiles files) {
        ConsoleHandler handler = new ConsoleHandler(files);
        RequestPredicate read = RequestPredicates.method(HttpMethod.GET).or(RequestPredicates.method(HttpMethod.HEAD));
        RequestPredicate consolePath = request -> !NOT_CONSOLE.contains(
                ConsoleHandler.firstSegment(request.requestPath().pathWithinApplication()));
        return RouterFunctions.route(read.and(consolePath), handler::serve);
    }
}
