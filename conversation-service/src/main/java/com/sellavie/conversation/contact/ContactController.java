package com.sellavie.conversation.contact;

import com.sellavie.platform.tenancy.TenantContext;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/contacts/{id}}: any member of the business reads and edits a contact (name, notes).
 * Another business's contact answers 404, like one that does not exist.
 */
@RestController
@RequestMapping("/api/contacts")
class ContactController {

    private final Contacts contacts;

    ContactController(Contacts contacts) {
        this.contacts = contacts;
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
    ContactView get(@PathVariable UUID id) {
        return contacts.find(TenantContext.requireBusinessId(), id).orElseThrow(ContactController::notFound);
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
    ContactView change(@PathVariable UUID id, @Valid @RequestBody ContactChange change) {
        return contacts.change(TenantContext.requireBusinessId(), id, change).orElseThrow(ContactController::notFound);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such contact");
    }
}
