package com.sellavie.commerce.catalog;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 409: a sku already taken (ignoring case), or a product changed by someone else meanwhile. */
class CatalogConflictException extends ErrorResponseException {

    private CatalogConflictException(String title, String detail, Map<String, String> errors) {
        super(HttpStatus.CONFLICT, problem(title, detail, errors), null);
    }

    static CatalogConflictException skuTaken(String sku) {
        return new CatalogConflictException("Sku already in the catalog",
                "A product with sku '" + sku + "' already exists (skus are unique ignoring case); "
                        + "use PUT /api/catalog/products/{sku} to change it.",
                Map.of("sku", "is already used by another product"));
    }

    static CatalogConflictException changedMeanwhile(String sku) {
        return new CatalogConflictException("Product changed meanwhile",
                "Product '" + sku + "' was changed by another request at the same time; nothing was written. "
                        + "Load it again and retry.", null);
    }

    private static ProblemDetail problem(String title, String detail, Map<String, String> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle(title);
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }
}
