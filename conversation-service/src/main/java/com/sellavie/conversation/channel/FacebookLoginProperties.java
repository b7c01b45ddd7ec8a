package com.sellavie.conversation.channel;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Facebook Login for Business: the Meta app merchants sign in to. Without an app id and secret the
 * login endpoints answer 503 "Facebook Login is not configured" and the console explains why.
 *
 * @param appId       env {@code SELLAVIE_META_APP_ID}
 * @param appSecret   env {@code SELLAVIE_META_APP_SECRET} (the webhook signing secret too); never logged or returned
 * @param configId    env {@code SELLAVIE_META_LOGIN_CONFIG_ID}: a Login for Business configuration; when
 *                    blank the dialog asks for {@link #SCOPES} instead
 * @param dialogUrl   env {@code SELLAVIE_META_DIALOG_URL}, default {@code https://www.facebook.com/v23.0/dialog/oauth}
 * @param redirectUri env {@code SELLAVIE_META_LOGIN_REDIRECT_URI}, default console origin
 *                    ({@code SELLAVIE_CONSOLE_ORIGIN}) + {@code /channels/facebook/callback}; registered in the app
 */
@ConfigurationProperties("sellavie.meta.login")
record FacebookLoginProperties(String appId, String appSecret, String configId, String dialogUrl,
        String redirectUri) {

    /** What the dialog asks for when no configuration id is set: Pages, Instagram and WhatsApp messaging. */
    static final String SCOPES = "instagram_basic,instagram_manage_messages,pages_show_list,pages_messaging,"
            + "pages_manage_metadata,business_management,whatsapp_business_management,whatsapp_business_messaging";

    FacebookLoginProperties {
        appId = blankToNull(appId);
        appSecret = blankToNull(appSecret);
        configId = blankToNull(configId);
        dialogUrl = dialogUrl == null || dialogUrl.isBlank() ? "https://www.facebook.com/v23.0/dialog/oauth"
                : dialogUrl.strip();
        redirectUri = redirectUri == null || redirectUri.isBlank()
                ? "http://localhost:8080/channels/facebook/callback" : redirectUri.strip();
    }

    boolean configured() {
        return appId != null && appSecret != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "FacebookLoginProperties[appId=" + appId + ", configId=" + configId + ", dialogUrl=" + dialogUrl
                + ", redirectUri=" + redirectUri + ", appSecret=" + (appSecret == null ? "unset" : "set") + "]";
    }
}
