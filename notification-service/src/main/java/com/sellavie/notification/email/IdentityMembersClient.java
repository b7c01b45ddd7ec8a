package com.sellavie.notification.email;

import java.util.UUID;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * identity-service's {@code GET /internal/members/{userId}/email?businessId=}: 200 with the member's
 * address, 404 when they are not (or no longer) a member of that business.
 */
@FeignClient(name = "identity-members", configuration = IdentityClientConfiguration.class)
interface IdentityMembersClient {

    record MemberEmail(UUID userId, UUID businessId, String email) {
    }

    @GetMapping("/internal/members/{userId}/email")
    MemberEmail email(@PathVariable("userId") UUID userId, @RequestParam("businessId") UUID businessId);
}
