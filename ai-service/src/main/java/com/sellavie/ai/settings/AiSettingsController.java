package com.sellavie.ai.settings;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/ai/settings}: the current business's AI settings. OWNER and ADMIN only, reading
 * included (even masked, keys and the provider set-up are not for every agent). The role is checked
 * before the body is validated: an AGENT gets 403, never field errors.
 */
@RestController
@RequestMapping("/api/ai/settings")
@PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
class AiSettingsController {

    private final AiSettingsService settings;

    AiSettingsController(AiSettingsService settings) {
        this.settings = settings;
    }

    @GetMapping
    AiSettingsView get() {
        return settings.current();
    }

    @PutMapping
    AiSettingsView replace(@RequestBody(required = false) AiSettingsRequest request) {
        return settings.replace(request);
    }

    /** One tiny call with that provider, model and key: 200 with ok or the failure's cause either way. */
    @PostMapping("/test-key")
    KeyTestResult testKey(@RequestBody(required = false) KeyTestRequest request) {
        return settings.testKey(request);
    }
}
