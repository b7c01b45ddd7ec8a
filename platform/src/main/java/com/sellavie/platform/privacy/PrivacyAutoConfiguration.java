package com.sellavie.platform.privacy;

import com.sellavie.platform.inbox.Inbox;
import com.sellavie.platform.inbox.InboxAutoConfiguration;
import com.sellavie.platform.outbox.Outbox;
import com.sellavie.platform.outbox.OutboxAutoConfiguration;
import com.sellavie.platform.tenancy.Tenancy;
import com.sellavie.platform.tenancy.TenancyAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Privacy requests for every service that declares a {@link PrivacyTaskHandler} bean. */
@AutoConfiguration(after = {InboxAutoConfiguration.class, OutboxAutoConfiguration.class,
        TenancyAutoConfiguration.class})
@ConditionalOnBean({PrivacyTaskHandler.class, Inbox.class, Outbox.class, Tenancy.class})
public class PrivacyAutoConfiguration {

    @Bean
    PrivacyExportRequests sellaviePrivacyExportRequests(JdbcTemplate jdbc) {
        return new PrivacyExportRequests(jdbc);
    }

    @Bean
    PrivacyTasks sellaviePrivacyTasks(PrivacyTaskHandler handler, PrivacyExportRequests exports, Inbox inbox,
            Outbox outbox, Tenancy tenancy, PlatformTransactionManager transactions,
            ObjectProvider<MeterRegistry> meters, Environment environment) {
        return new PrivacyTasks(handler, exports, inbox, outbox, tenancy, new TransactionTemplate(transactions),
                meters.getIfAvailable(SimpleMeterRegistry::new), serviceName(environment));
    }

    @Bean
    PrivacyRequestListener sellaviePrivacyRequestListener(PrivacyTasks tasks) {
        return new PrivacyRequestListener(tasks);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    PrivacyExportController sellaviePrivacyExportController(PrivacyExportRequests requests,
            PrivacyTaskHandler handler, Tenancy tenancy, PlatformTransactionManager transactions,
            Environment environment) {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        return new PrivacyExportController(requests, handler, tenancy, readOnly, serviceName(environment));
    }

    private static String serviceName(Environment environment) {
        return environment.getProperty("spring.application.name", "service");
    }
}
