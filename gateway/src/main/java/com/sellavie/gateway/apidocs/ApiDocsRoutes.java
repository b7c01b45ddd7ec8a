package com.sellavie.gateway.apidocs;

import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code /api/docs}, the address the README gives, opens the Swagger UI (springdoc serves its files under
 * {@code /api/docs/swagger-ui/}; its own entry, {@code /api/docs/index.html}, redirects there too).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsRoutes {

    static final String UI = "/api/docs/swagger-ui/index.html";

    @Bean
    RouterFunction<ServerResponse> apiDocsEntry() {
        return RouterFunctions.route(RequestPredicates.GET("/api/docs").or(RequestPredicates.GET("/api/docs/")),
                request -> ServerResponse.temporaryRedirect(URI.create(UI)).build());
    }
}
