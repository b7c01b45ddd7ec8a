package com.sellavie.platform.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiConventionsTest {

    private final ApiConventions conventions = new ApiConventions("commerce-service", List.of("/webhooks/**"));

    @Test
    void securedOperationNeedsABearerTokenAndDocumentsItsProblems() {
        OpenAPI api = api("/api/orders/{id}", new Operation());

        conventions.customise(api);

        Operation get = api.getPaths().get("/api/orders/{id}").getGet();
        assertThat(get.getSecurity()).singleElement().satisfies(requirement ->
                assertThat(requirement).containsKey(ApiConventions.BEARER));
        assertThat(get.getResponses()).containsKeys("400", "401", "403", "404");
        assertThat(get.getResponses().get("403").getContent().get(ApiConventions.PROBLEM_JSON).getSchema().get$ref())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(api.getComponents().getSecuritySchemes().get(ApiConventions.BEARER).getBearerFormat())
                .isEqualTo("JWT");
        assertThat(api.getComponents().getSchemas().get("Problem").getProperties()).containsKeys("title", "status",
                "detail", "code");
    }

    @Test
    void publicPathNeedsNoTokenAndHasNoTokenErrors() {
        OpenAPI api = api("/webhooks/payments", new Operation());

        conventions.customise(api);

        Operation post = api.getPaths().get("/webhooks/payments").getGet();
        assertThat(post.getSecurity()).isEmpty();
        assertThat(post.getResponses()).containsKey("400").doesNotContainKeys("401", "403", "404");
    }

    @Test
    void keepsAnAnswerTheControllerDocumentedAndAddsTheProblemShape() {
        Operation operation = new Operation().responses(new ApiResponses().addApiResponse("404",
                new ApiResponse().description("No such order").content(new Content().addMediaType("application/json",
                        new MediaType()))));
        OpenAPI api = api("/api/orders/{id}", operation);

        conventions.customise(api);

        ApiResponse notFound = api.getPaths().get("/api/orders/{id}").getGet().getResponses().get("404");
        assertThat(notFound.getDescription()).isEqualTo("No such order");
        assertThat(notFound.getContent()).containsKeys("application/json", ApiConventions.PROBLEM_JSON);
    }

    private static OpenAPI api(String path, Operation get) {
        return new OpenAPI().paths(new Paths().addPathItem(path, new PathItem().get(get)));
    }
}
