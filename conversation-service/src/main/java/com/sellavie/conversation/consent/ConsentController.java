package com.sellavie.conversation.consent;

import com.sellavie.platform.tenancy.TenantContext;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/contacts/{id}/consents}: any member reads a contact's consent history; OWNER and ADMIN record
 * a change (it is a legal record, so agents cannot). Another business's contact answers 404.
 */
@RestController
@RequestMapping("/api/contacts/{contactId}/consents")
class ConsentController {

    private final Consents consents;

    ConsentController(Consents consents) {
        this.consents = consents;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
    List<ConsentRecord> list(@PathVariable UUID contactId) {
        return consents.of(TenantContext.requireBusinessId(), contactId).orElseThrow(ConsentController::notFound);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    ConsentRecord record(@PathVariable UUID contactId, @Valid @RequestBody ConsentChange change,
            @AuthenticationPrincipal Jwt member) {
        return consents.record(TenantContext.requireBusinessId(), contactId, change, member.getSubject())
                .orElseThrow(ConsentController::notFound);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such contact");
    }
}
