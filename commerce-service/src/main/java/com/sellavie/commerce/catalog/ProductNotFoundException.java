package com.sellavie.commerce.catalog;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404: the business has no product with this sku (another business's products do not exist here). */
class ProductNotFoundException extends ErrorResponseException {

    ProductNotFoundException(String sku) {
        super(HttpStatus.NOT_FOUND, problem(sku), null);
    }

    private static ProblemDetail problem(String sku) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "There is no product with sku '" + sku + "' in this catalog.");
        problem.setTitle("Product not found");
        return problem;
    }
}
