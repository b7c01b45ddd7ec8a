package com.sellavie.ai.usage;

import com.sellavie.platform.tenancy.TenantContext;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/ai/usage?from=&to=}: the current business's AI usage and cost (days of its time zone,
 * both included; the current month by default). OWNER and ADMIN, like the AI settings holding the budget.
 */
@RestController
@RequestMapping("/api/ai/usage")
@PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
class UsageController {

    private final UsageQueries usage;

    UsageController(UsageQueries usage) {
        this.usage = usage;
    }

    @GetMapping
    UsageReport get(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return usage.report(TenantContext.requireBusinessId(), from, to);
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidUsageQueryException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid usage query");
        problem.setType(URI.create("https://sellavie.dev/problems/" + e.code()));
        problem.setProperty("code", e.code());
        return problem;
    }
}
