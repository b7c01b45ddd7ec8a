package com.sellavie.platform.test.routes;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

/** The suite's set-up refuses what would make its checks prove nothing. */
class RouteSecuritySuiteTest {

    private static final Map<String, String> EVERY_ROLE = Map.of("OWNER", "o", "ADMIN", "a", "AGENT", "g");

    @Test
    void issuedTokensNeedOneTokenPerRoleForBothTenants() {
        RouteSecuritySuite suite = RouteSecuritySuite.of(new GenericApplicationContext(), 0);

        assertThatThrownBy(() -> suite.issuedTokens(EVERY_ROLE, Map.of("OWNER", "o", "ADMIN", "a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("No token for [AGENT]");
        assertThatThrownBy(() -> suite.issuedTokens(Map.of("OWNER", "o"), EVERY_ROLE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("No token for [ADMIN, AGENT]");
        assertThatCode(() -> suite.issuedTokens(EVERY_ROLE, EVERY_ROLE)).doesNotThrowAnyException();
    }

    @Test
    void verifyNeedsTenantA() {
        assertThatThrownBy(() -> RouteSecuritySuite.of(new GenericApplicationContext(), 0).verify())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tenantA");
    }
}
