package com.sellavie.ai.catalog;

import com.sellavie.platform.internal.ServiceToken;
import feign.RequestInterceptor;
import org.springframework.context.annotation.Bean;

/**
 * Feign configuration of {@link CommerceCatalogClient} only (not a {@code @Configuration}: it lives in
 * the client's own context): every call carries {@code Authorization: Bearer <service token>}, read
 * from the platform's {@link ServiceToken} at call time. Without a configured token the call fails
 * here, before anything is sent.
 * Public: the bean definitions Spring AOT generates for the client's context (in Spring Cloud's package)
 * name it.
 */
public class ServiceTokenAuthentication {

    @Bean
    RequestInterceptor serviceTokenHeader(ServiceToken token) {
        return template -> template.header("Authorization", token.authorizationHeader());
    }
}
