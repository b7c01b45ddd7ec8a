package com.sellavie.commerce.checkout;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * A JSON HTTP client for one provider's API with the checkout timeouts, and the one rule that sorts
 * its failures: connection trouble, timeouts, 429 and 5xx are transient; any other 4xx is a refusal.
 */
public final class ProviderHttp {

    private static final int MAX_MESSAGE = 300;

    private ProviderHttp() {
    }

    static RestClient client(String baseUrl, CheckoutProperties properties) {
        return client(baseUrl, properties.connectTimeout(), properties.readTimeout());
    }

    /** A client with these bounds (payment verification has its own timeouts). */
    public static RestClient client(String baseUrl, Duration connectTimeout, Duration readTimeout) {
        // HTTP/1.1: the JDK client's default (HTTP/2 with an h2c upgrade on plain http) loses request
        // bodies against some servers (WireMock, proxies), answered with RST_STREAM.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(readTimeout);
        return RestClient.builder().baseUrl(baseUrl).requestFactory(factory).build();
    }

    /** Runs the call, turning its failures into {@link ProviderRefusedException} / {@link ProviderUnavailableException}. */
    public static <T> T call(String provider, Supplier<T> call) {
        try {
            return call.get();
        } catch (RestClientResponseException e) {
            int status = e.getStatusCode().value();
            String message = provider + " answered " + status + ": " + message(e);
            if (status == 429 || status >= 500) {
                throw new ProviderUnavailableException(message, e);
            }
            throw new ProviderRefusedException(message);
        } catch (ResourceAccessException e) {
            throw new ProviderUnavailableException(provider + " could not be reached: " + rootMessage(e), e);
        }
    }

    /** The provider's own "message" field (Paystack, Flutterwave), shortened; never our request. */
    private static String message(RestClientResponseException e) {
        try {
            Map<?, ?> body = e.getResponseBodyAs(Map.class);
            if (body != null && body.get("message") instanceof String text) {
                return shorten(text);
            }
        } catch (RuntimeException notJson) {
            // fall through to the status text
        }
        return shorten(e.getStatusText());
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() != null ? ": " + shorten(root.getMessage()) : "");
    }

    public static String shorten(String text) {
        return text == null ? "" : text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
    }
}
