package com.sellavie.identity.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.identity.support.TestKeyFiles;
import com.sellavie.platform.tenancy.SellavieClaims.Role;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import com.sellavie.platform.security.SecurityProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** The token configuration as the service starts it: no key, no service; a key, working beans. */
class SigningKeyStartupTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(TokenConfiguration.class)
            .withBean(SecurityProperties.class);

    @TempDir
    Path dir;

    @Test
    void withoutAKeyFileTheServiceDoesNotStartAndSaysWhyAndHowToFixIt() {
        context.run(started -> {
            assertThat(started).hasFailed();
            Throwable cause = NestedExceptionUtils.getMostSpecificCause(started.getStartupFailure());
            assertThat(cause).isInstanceOf(SigningKeyException.class)
                    .hasMessageContaining("SELLAVIE_JWT_PRIVATE_KEY_FILE");

            FailureAnalysis analysis = new SigningKeyFailureAnalyzer().analyze(started.getStartupFailure());
            assertThat(analysis.getDescription()).startsWith("No JWT signing key:").doesNotContain("\n");
            assertThat(analysis.getAction()).contains("openssl genpkey").contains("SELLAVIE_JWT_PRIVATE_KEY_FILE");
        });
    }

    @Test
    void springBootReportsTheFailureThroughTheRegisteredAnalyzer() {
        // Boot's own analyzers need a bean factory to be built; only ours matters here.
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(FailureAnalyzer.class,
                        (type, implementation, failure) -> { }))
                .hasAtLeastOneElementOfType(SigningKeyFailureAnalyzer.class);
    }

    @Test
    void withAKeyFileTokensItIssuesAreAcceptedByItsOwnDecoder() {
        Path key = TestKeyFiles.writePrivateKey(TestKeyFiles.rsa(2048), dir.resolve("key.pem"));

        context.withPropertyValues("sellavie.identity.jwt.private-key-file=" + key,
                        "sellavie.identity.access-token-ttl=5m")
                .run(started -> {
                    String token = started.getBean(AccessTokens.class).issueAfterPassword(UUID.randomUUID(),
                            UUID.randomUUID(), Role.AGENT, UUID.randomUUID())
                            .value();

                    Jwt jwt = started.getBean(JwtDecoder.class).decode(token);
                    assertThat(jwt.getClaimAsString("role")).isEqualTo("AGENT");
                    assertThat(jwt.getClaimAsStringList("amr")).containsExactly("pwd");
                    assertThat(jwt.getExpiresAt()).isEqualTo(jwt.getIssuedAt().plusSeconds(300));
                });
    }
}
