package com.sellavie.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

@ExtendWith(OutputCaptureExtension.class)
class OperatorTokenTest {

    private static final String TOKEN = "0123456789abcdef-operator";

    @TempDir
    Path folder;

    @Test
    void theConfiguredTokenMatchesAndNothingElseDoes() {
        OperatorToken token = OperatorToken.from(new OpsProperties(TOKEN, null));

        assertThat(token.configured()).isTrue();
        assertThat(token.matches(TOKEN)).isTrue();
        assertThat(token.matches(TOKEN + " ")).isFalse();
        assertThat(token.matches(TOKEN.substring(1))).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();
        assertThat(token.toString()).doesNotContain(TOKEN);
    }

    @Test
    void theTokenCanComeFromAFileAndTheValueWins() throws Exception {
        Path file = folder.resolve("ops-token");
        Files.writeString(file, "from-the-file-0123456789\n");

        assertThat(OperatorToken.from(new OpsProperties(null, file.toString())).matches("from-the-file-0123456789"))
                .isTrue();
        assertThat(OperatorToken.from(new OpsProperties(TOKEN, file.toString())).matches(TOKEN)).isTrue();
    }

    @Test
    void noTokenAShortOneOrAnUnreadableFileCloseTheEndpointsWithAWarning(CapturedOutput output) {
        assertThat(OperatorToken.from(new OpsProperties(null, null)).configured()).isFalse();
        assertThat(OperatorToken.from(new OpsProperties(" ", "")).configured()).isFalse();
        assertThat(OperatorToken.from(new OpsProperties("short-token", null)).configured()).isFalse();
        OperatorToken missingFile = OperatorToken.from(new OpsProperties(null, folder.resolve("absent").toString()));

        assertThat(missingFile.configured()).isFalse();
        assertThat(missingFile.matches("")).isFalse();
        assertThat(output.getOut()).contains("no token is configured (set SELLAVIE_OPS_TOKEN or SELLAVIE_OPS_TOKEN_FILE)", "shorter than 16 characters",
                "cannot be read (NoSuchFileException").doesNotContain("short-token");
    }

    @Test
    void theDocumentedEnvironmentVariablesBindToTheProperties() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("SELLAVIE_OPS_TOKEN", TOKEN, "SELLAVIE_OPS_TOKEN_FILE", "/run/secrets/ops-token")));
        ConfigurationPropertySources.attach(environment);

        OpsProperties properties = Binder.get(environment).bind("sellavie.ops", OpsProperties.class).get();

        assertThat(properties.token()).isEqualTo(TOKEN);
        assertThat(properties.tokenFile()).isEqualTo("/run/secrets/ops-token");
    }

    @Test
    void duringARotationTheCurrentAndTheAlsoAcceptedTokenMatchAndNothingElse() {
        String next = "fedcba9876543210-next-operator";
        OperatorToken token = OperatorToken.from(new OpsProperties(TOKEN, null, next, null));

        assertThat(token.matches(TOKEN)).isTrue();
        assertThat(token.matches(next)).isTrue();
        assertThat(token.matches(next.substring(1))).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.toString()).contains("rotating").doesNotContain(TOKEN).doesNotContain(next);
    }

    @Test
    void anAlsoAcceptedTokenNeverOpensClosedEndpointsAndABadOneIsIgnored(CapturedOutput output) throws Exception {
        String next = "fedcba9876543210-next-operator";
        OperatorToken withoutCurrent = OperatorToken.from(new OpsProperties(null, null, next, null));
        OperatorToken shortNext = OperatorToken.from(new OpsProperties(TOKEN, null, "short", null));
        Path file = folder.resolve("next-token");
        Files.writeString(file, next + "\n");
        OperatorToken fromFile = OperatorToken.from(new OpsProperties(TOKEN, null, null, file.toString()));

        assertThat(withoutCurrent.configured()).isFalse();
        assertThat(withoutCurrent.matches(next)).isFalse();
        assertThat(shortNext.matches(TOKEN)).isTrue();
        assertThat(shortNext.matches("short")).isFalse();
        assertThat(fromFile.matches(next)).isTrue();
        assertThat(output.getOut()).contains("SELLAVIE_OPS_ALSO_ACCEPTED_TOKEN is set but there is no current token",
                "also-accepted token SELLAVIE_OPS_ALSO_ACCEPTED_TOKEN) are closed: the token from"
                        + " SELLAVIE_OPS_ALSO_ACCEPTED_TOKEN is shorter than 16 characters")
                .doesNotContain(next);
    }

    @Test
    void thePlatformDefaultsMapTheRotationVariables() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("SELLAVIE_OPS_ALSO_ACCEPTED_TOKEN", "next-0123456789abcdef",
                        "SELLAVIE_OPS_ALSO_ACCEPTED_TOKEN_FILE", "/run/secrets/ops-token-next")));
        new YamlPropertySourceLoader().load("defaults", new ClassPathResource("sellavie-platform-defaults.yml"))
                .forEach(environment.getPropertySources()::addLast);
        ConfigurationPropertySources.attach(environment);

        OpsProperties properties = Binder.get(environment).bind("sellavie.ops", OpsProperties.class).get();

        assertThat(properties.alsoAcceptedToken()).isEqualTo("next-0123456789abcdef");
        assertThat(properties.alsoAcceptedTokenFile()).isEqualTo("/run/secrets/ops-token-next");
    }
}
