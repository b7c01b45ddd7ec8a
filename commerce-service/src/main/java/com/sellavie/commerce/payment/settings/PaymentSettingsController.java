package com.sellavie.commerce.payment.settings;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/payments/providers}: the current business's payment provider settings. OWNER and ADMIN
 * only, reading included: even masked, keys and webhook URLs are not for every agent.
 */
@RestController
@RequestMapping("/api/payments/providers")
@PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
class PaymentSettingsController {

    private static final ProviderSettingsRequest EMPTY = new ProviderSettingsRequest(null, null, null, null, null,
            null, null);

    private final PaymentSettings settings;

    PaymentSettingsController(PaymentSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    List<ProviderSettingsView> list() {
        return settings.list();
    }

    @PutMapping("/{provider}")
    ResponseEntity<ProviderSettingsView> put(@PathVariable String provider,
            @RequestBody(required = false) ProviderSettingsRequest request) {
        Provider which = Provider.parse(provider).orElseThrow(UnknownProviderException::new);
        PaymentSettings.Saved saved = settings.put(which, request == null ? EMPTY : request);
        return ResponseEntity.status(saved.connected() ? HttpStatus.CREATED : HttpStatus.OK).body(saved.view());
    }
}
