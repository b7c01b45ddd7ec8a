package com.sellavie.identity.internal;

import com.sellavie.identity.account.Accounts;
import com.sellavie.platform.tenancy.TenantContext;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /internal/members/{userId}/email?businessId=}: the address of a member of a business, for
 * notification-service's alert emails (identity.members events carry no address). Only a member of that
 * business is answered (read as that tenant), so the endpoint is no directory of every account.
 */
@RestController
class MemberEmailController {

    private final Accounts accounts;

    MemberEmailController(Accounts accounts) {
        this.accounts = accounts;
    }

    record MemberEmail(UUID userId, UUID businessId, String email) {
    }

    @GetMapping("/internal/members/{userId}/email")
    MemberEmail email(@PathVariable UUID userId, @RequestParam UUID businessId) {
        return TenantContext.callAs(businessId, () -> accounts.member(userId, businessId))
                .map(member -> new MemberEmail(member.userId(), member.businessId(), member.email()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "No member " + userId + " in business " + businessId));
    }
}
