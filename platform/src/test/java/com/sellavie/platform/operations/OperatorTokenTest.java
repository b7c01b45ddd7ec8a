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
import org.springframework.core.env.StandardEnvironment;
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
}
