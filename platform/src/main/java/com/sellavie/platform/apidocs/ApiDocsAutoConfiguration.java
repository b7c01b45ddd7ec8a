package com.sellavie.platform.apidocs;

import com.sellavie.platform.security.SecurityProperties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A service that has springdoc on its class path documents its public API at {@code /v3/api-docs} with the
 * platform's conventions ({@link ApiConventions}). Which paths it documents is set in the platform defaults
 * ({@code springdoc.paths-to-exclude}: never {@code /internal/**} or {@code /ops/**}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenApiCustomizer.class)
@EnableConfigurationProperties(SecurityProperties.class)
public class ApiDocsAutoConfiguration {

    @Bean
    OpenApiCustomizer sellavieApiConventions(@Value("${spring.application.name:sellavie}") String service,
            SecurityProperties security) {
        return new ApiConventions(service, security.tokenlessPaths());
    }
}
