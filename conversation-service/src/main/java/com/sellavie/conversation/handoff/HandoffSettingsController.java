package com.sellavie.conversation.handoff;

import com.sellavie.platform.tenancy.TenantContext;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/handoff/settings}: any member reads them; an OWNER or ADMIN changes them. */
@RestController
@RequestMapping("/api/handoff/settings")
class HandoffSettingsController {

    private final HandoffSettingsStore store;

    HandoffSettingsController(HandoffSettingsStore store) {
        this.store = store;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
    @Transactional(readOnly = true)
    public HandoffSettings get() {
        return store.find(TenantContext.requireBusinessId());
    }

    @PutMapping
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    @Transactional
    public HandoffSettings put(@Valid @RequestBody HandoffSettings settings) {
        HandoffSettings normalised = settings.normalised();
        store.save(TenantContext.requireBusinessId(), normalised);
        return normalised;
    }
}
