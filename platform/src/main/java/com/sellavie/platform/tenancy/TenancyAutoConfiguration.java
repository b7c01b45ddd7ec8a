package com.sellavie.platform.tenancy;

import javax.sql.DataSource;
import org.flywaydb.core.api.callback.Callback;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.ClaimAccessor;

/**
 * Tenancy for every service: the {@link Tenancy} API, the tenant carried to PostgreSQL on every
 * connection, the row-level-security functions for migrations, and the tenant taken from each
 * request's token and each record's header.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@EnableConfigurationProperties(TenancyProperties.class)
public class TenancyAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Tenancy tenancy(TenancyProperties properties) {
        return new Tenancy(properties);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcTemplate.class)
    @ConditionalOnBooleanProperty(name = "sellavie.tenancy.enforce-in-database", matchIfMissing = true)
    static class DatabaseEnforcement {

        @Bean
        static BeanPostProcessor tenantScopedDataSources() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource dataSource && !(bean instanceof TenantScopedDataSource)
                            ? new TenantScopedDataSource(dataSource)
                            : bean;
                }
            };
        }

        @Bean
        @ConditionalOnClass(Callback.class)
        Callback tenancyFunctionsCallback() {
            return new TenancyFunctionsCallback();
        }

        /** Row-level tenancy only holds if the runtime role is bound by it: refuse to start otherwise. */
        @Bean
        @ConditionalOnBean(DataSource.class)
        DatabaseRoleCheck databaseRoleCheck(DataSource dataSource) {
            return new DatabaseRoleCheck(dataSource);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RecordInterceptor.class)
    static class RecordTenancy {

        /** A service with its own interceptor composes this one in (CompositeRecordInterceptor). */
        @Bean
        @ConditionalOnMissingBean(RecordInterceptor.class)
        TenantRecordInterceptor tenantRecordInterceptor() {
            return new TenantRecordInterceptor();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass({SecurityContextHolder.class, ClaimAccessor.class, SecurityFilterProperties.class})
    static class RequestTenancy {

        @Bean
        FilterRegistrationBean<TenantRequestFilter> tenantRequestFilter(
                ObjectProvider<SecurityFilterProperties> securityFilter) {
            FilterRegistrationBean<TenantRequestFilter> registration =
                    new FilterRegistrationBean<>(new TenantRequestFilter());
            // Right after Spring Security's chain, which has authenticated the request by then.
            registration.setOrder(securityFilter.getIfAvailable(SecurityFilterProperties::new).getOrder() + 1);
            return registration;
        }
    }
}
