package com.sellavie.conversation.comment;

import com.sellavie.platform.tenancy.TenantContext;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/comments/settings}: any member reads them; an OWNER or ADMIN changes them. */
@RestController
@RequestMapping("/api/comments/settings")
class CommentSettingsController {

    private final CommentSettingsStore store;

    CommentSettingsController(CommentSettingsStore store) {
        this.store = store;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
    @Transactional(readOnly = true)
    public CommentSettings get() {
        return store.find(TenantContext.requireBusinessId());
    }

    @PutMapping
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    @Transactional
    public CommentSettings put(@Valid @RequestBody CommentSettings settings) {
        store.save(TenantContext.requireBusinessId(), settings);
        return settings;
    }
}
