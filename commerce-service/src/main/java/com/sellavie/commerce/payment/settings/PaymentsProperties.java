package com.sellavie.commerce.payment.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicBaseUrl where providers reach Sellavie (env {@code SELLAVIE_PUBLIC_BASE_URL}); the
 *                      webhook URL shown to merchants is {@code <this>/webhooks/<provider>/<endpointId>}
 */
@ConfigurationProperties("sellavie.commerce.payments")
record PaymentsProperties(String publicBaseUrl) {

    PaymentsProperties {
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? "http://localhost:8080"
                : publicBaseUrl.strip().replaceAll("/+$", "");
    }

    String webhookUrl(Provider provider, String endpointId) {
        return publicBaseUrl + "/webhooks/" + provider.webhookPathSegment() + "/" + endpointId;
    }
}
