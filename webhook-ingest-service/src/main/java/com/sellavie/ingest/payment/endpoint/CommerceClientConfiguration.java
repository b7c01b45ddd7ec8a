package com.sellavie.ingest.payment.endpoint;

import com.sellavie.platform.internal.ServiceToken;
import feign.RequestInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

/**
 * Configuration of the commerce client's own Feign context only. Deliberately not a {@code @Configuration}:
 * component scanning would make its interceptor global, sending the service token to any other client.
 * Public: the bean definitions Spring AOT generates for the client's context (in Spring Cloud's package)
 * name it.
 */
public class CommerceClientConfiguration {

    /** Every call carries the shared service credential that opens commerce's {@code /internal/**}. */
    @Bean
    RequestInterceptor serviceTokenInterceptor(ServiceToken serviceToken) {
        return template -> template.header(HttpHeaders.AUTHORIZATION, serviceToken.authorizationHeader());
    }
}
