package com.sellavie.commerce.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Invalid input answers 400 problem JSON with an {@code errors} map {field: message}, like the other
 * services. A body Jackson cannot bind (a price given as text, a boolean as "maybe") names the field
 * too, so the console can show it next to the input.
 */
@RestControllerAdvice
class ValidationProblemHandler extends ResponseEntityExceptionHandler {

    static final URI INVALID_INPUT = URI.create("https://sellavie.dev/problems/invalid-input");

    @ExceptionHandler
    ResponseEntity<Object> invalid(InvalidInputException e) {
        return ResponseEntity.badRequest().body(problem(e.fieldErrors()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.putIfAbsent(error.getField(), error.getDefaultMessage());
        }
        return ResponseEntity.badRequest().body(problem(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // A syntax error has no field to name; a value of the wrong type (DatabindException) has.
        String field = ex.getCause() instanceof DatabindException binding ? path(binding) : "";
        if (field.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The body is missing or is not valid JSON.");
            problem.setTitle("Invalid request");
            problem.setType(INVALID_INPUT);
            return ResponseEntity.badRequest().body(problem);
        }
        return ResponseEntity.badRequest().body(problem(Map.of(field, "has the wrong type")));
    }

    private static ProblemDetail problem(Map<String, String> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Some fields are invalid; nothing was changed.");
        problem.setTitle("Invalid input");
        problem.setType(INVALID_INPUT);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** {@code products[2].priceMinor} from Jackson's reference chain. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
