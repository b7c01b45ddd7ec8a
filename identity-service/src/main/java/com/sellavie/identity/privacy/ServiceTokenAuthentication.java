package com.sellavie.identity.privacy;

import com.sellavie.platform.internal.ServiceToken;
import feign.RequestInterceptor;
import org.springframework.context.annotation.Bean;

/**
 * Feign configuration of {@link ExportPartClient} only (not a {@code @Configuration}: it lives in the
 * client's own context): every call carries the platform's service token, read at call time.
 * Public: the bean definitions Spring AOT generates for the client's context (in Spring Cloud's package)
 * name it.
 */
public class ServiceTokenAuthentication {

    @Bean
    RequestInterceptor serviceTokenHeader(ServiceToken token) {
        return template -> template.header("Authorization", token.authorizationHeader());
    }
}
