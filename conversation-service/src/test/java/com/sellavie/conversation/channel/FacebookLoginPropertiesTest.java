package com.sellavie.conversation.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sellavie.platform.tenancy.TenantContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class FacebookLoginPropertiesTest {

    private final FacebookLogin login = new FacebookLogin(
            new FacebookLoginProperties(null, " ", null, null, null), null, null, null, null,
            new SimpleMeterRegistry());

    @Test
    void withoutAppIdAndSecretLoginAndCallbackAreA503ThatSaysSo() {
        assertThat(login.configured()).isFalse();
        TenantContext.runAs(UUID.randomUUID(), () -> {
            assertNotConfigured(() -> login.start("member"));
            assertNotConfigured(() -> login.callback("member", "AQDcode", "state"));
        });
    }

    @Test
    void theAppSecretNeverAppearsInTheProperties() {
        FacebookLoginProperties properties = new FacebookLoginProperties("123", "s3cr3t-app-secret", null, null, null);

        assertThat(properties.configured()).isTrue();
        assertThat(properties.toString()).doesNotContain("s3cr3t-app-secret");
        assertThat(properties.dialogUrl()).isEqualTo("https://www.facebook.com/v23.0/dialog/oauth");
    }

    @Test
    void aLoginForBusinessConfigurationReplacesTheScopesInTheDialogUrl() {
        FacebookLoginProperties properties = new FacebookLoginProperties("123", "secret", "987654321", null,
                "https://console.example/channels/facebook/callback");

        String url = FacebookLogin.dialogUrl(properties, "st4te");

        assertThat(url).isEqualTo("https://www.facebook.com/v23.0/dialog/oauth?client_id=123&redirect_uri="
                + "https%3A%2F%2Fconsole.example%2Fchannels%2Ffacebook%2Fcallback&state=st4te&response_type=code"
                + "&config_id=987654321").doesNotContain("scope=").doesNotContain("secret");
    }

    private static void assertNotConfigured(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getStatusCode().value()).isEqualTo(503);
            assertThat(e.getBody().getTitle()).isEqualTo("Facebook Login is not configured");
            assertThat(e.getBody().getDetail()).contains("SELLAVIE_META_APP_ID");
        });
    }
}
