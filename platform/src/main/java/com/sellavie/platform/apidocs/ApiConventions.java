package com.sellavie.platform.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What every operation of a Sellavie API shares, written once instead of annotated on each controller: the
 * bearer JWT it needs (none on the service's public paths, whose callers prove themselves otherwise), and the
 * problem+json answers the platform gives for bad input (400), a missing or invalid token (401), a role that is
 * refused (403) and an id that is not the caller's business's (404), each with an example.
 */
final class ApiConventions implements OpenApiCustomizer {

    static final String BEARER = "bearer-jwt";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final String service;
    private final List<PathPattern> publicPaths;

    ApiConventions(String service, List<String> publicPaths) {
        this.service = service;
        this.publicPaths = publicPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public void customise(OpenAPI api) {
        api.info(new Info().title("Sellavie " + service).version("v1").description("The public HTTP API of "
                + service + ". Every error is application/problem+json (RFC 9457)."));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT")
                        .description("An access token from identity-service (POST /api/auth/login), sent as "
                                + "'Authorization: Bearer <token>'."))
                .addSchemas(PROBLEM, problemSchema()));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> document(path, operation)));
    }

    private void document(String path, Operation operation) {
        boolean open = isPublic(path);
        if (open) {
            // An empty requirement list: this operation needs no token (webhooks carry the provider's signature).
            operation.setSecurity(List.of());
        } else {
            operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        problem(responses, HttpStatus.BAD_REQUEST, "The request is malformed or a field is invalid; nothing was "
                + "changed.", "Bad Request", "Invalid request content.", null);
        if (!open) {
            problem(responses, HttpStatus.UNAUTHORIZED, "No access token, or it is invalid, expired or revoked.",
                    "Unauthorized", "A valid access token is required.", null);
            problem(responses, HttpStatus.FORBIDDEN, "The member's role does not allow this.", "Forbidden",
                    "Your role does not allow this.", null);
        }
        if (path.contains("{")) {
            problem(responses, HttpStatus.NOT_FOUND, "No such resource in the caller's business (another "
                    + "business's ids are answered the same way).", "Not Found", "No such resource.", null);
        }
    }

    private boolean isPublic(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return publicPaths.stream().anyMatch(pattern -> pattern.matches(container));
    }

    /** Adds the problem answer for {@code status}, or its problem+json content to an answer already documented. */
    private static void problem(ApiResponses responses, HttpStatus status, String description, String title,
            String detail, String code) {
        String key = String.valueOf(status.value());
        ApiResponse response = responses.get(key);
        if (response == null) {
            response = new ApiResponse().description(description);
            responses.addApiResponse(key, response);
        }
        Content content = response.getContent() == null ? new Content() : response.getContent();
        response.setContent(content);
        if (!content.containsKey(PROBLEM_JSON)) {
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("type", "about:blank");
            example.put("title", title);
            example.put("status", status.value());
            example.put("detail", detail);
            example.put("instance", "/api/example");
            if (code != null) {
                example.put("code", code);
            }
            content.addMediaType(PROBLEM_JSON, new MediaType()
                    .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                    .addExamples(title, new Example().value(example)));
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema()
                .description("An error (RFC 9457 problem details), as every Sellavie service answers one.")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().description("What went wrong, for a person."))
                .addProperty("instance", new StringSchema().description("The request's path."))
                .addProperty("code", new StringSchema().description("A machine-readable code of this error, where "
                        + "the endpoint defines one (e.g. EMAIL_NOT_VERIFIED)."))
                .addProperty("reason", new StringSchema().description("A machine-readable reason, where the "
                        + "endpoint defines one (e.g. TWO_FACTOR_REQUIRED)."))
                .required(List.of("title", "status"));
    }
}
