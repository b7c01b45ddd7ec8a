/** The API docs at {@code /api/docs}: Swagger UI over each service's OpenAPI document, routed to the service. */
package com.sellavie.gateway.apidocs;
