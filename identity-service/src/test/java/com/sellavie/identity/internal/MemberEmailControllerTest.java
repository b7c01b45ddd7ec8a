package com.sellavie.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.identity.account.Accounts;
import com.sellavie.identity.support.IdentityApi;
import com.sellavie.identity.support.IdentityIntegrationTest;
import com.sellavie.platform.tenancy.SellavieClaims.Role;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.platform.test.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/** notification-service asking for a member's address over /internal/** with the service token. */
@IdentityIntegrationTest
class MemberEmailControllerTest {

    /** The service token test/resources/config/application.yml sets, so this class shares the module's one context. */
    static final String SERVICE_TOKEN = "test-internal-token-0123456789abcdef";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void answersTheAddressOfAMemberOfTheBusinessOnly() {
        UUID business = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        String email = IdentityApi.newEmail();
        UUID otherBusiness = UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            accounts.addUser(member, email, "$2a$12$notarealhashnotarealhashnotarealhashnotarealhashnotare");
            TenantContext.runAs(business, () -> {
                accounts.addBusiness(business, IdentityApi.newBusinessName());
                accounts.addMembership(business, member, Role.AGENT);
            });
            TenantContext.runAs(otherBusiness, () -> accounts.addBusiness(otherBusiness, IdentityApi.newBusinessName()));
        });
        IdentityApi api = new IdentityApi(port);

        IdentityApi.Response found = api.get(path(member, business), SERVICE_TOKEN);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("email").asString()).isEqualTo(email);
        assertThat(found.json().get("userId").asString()).isEqualTo(member.toString());

        // another business's member, or no such user: nothing to tell
        assertThat(api.get(path(member, otherBusiness), SERVICE_TOKEN).status()).isEqualTo(404);
        assertThat(api.get(path(UUID.randomUUID(), business), SERVICE_TOKEN).status()).isEqualTo(404);
    }

    @Test
    void refusesCallersWithoutTheServiceTokenEvenWithAMerchantsToken() {
        IdentityApi api = new IdentityApi(port);
        UUID business = UUID.randomUUID();
        String path = path(UUID.randomUUID(), business);

        assertThat(api.get(path, null).status()).isIn(401, 403);
        assertThat(api.get(path, "wrong-token").status()).isIn(401, 403);
        assertThat(api.get(path, TestTokens.ownerOf(business)).status()).isIn(401, 403);
    }

    private static String path(UUID userId, UUID businessId) {
        return "/internal/members/" + userId + "/email?businessId=" + businessId;
    }
}
