package com.sellavie.ingest.webhook;

import java.util.function.Supplier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Group commit on (the default) or off, per {@link GroupCommitProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GroupCommitProperties.class)
class WebhookCommitsConfiguration {

    // The container closes a GroupCommit (AutoCloseable) at shutdown, after the web server stopped taking requests.
    @Bean
    WebhookCommits webhookCommits(PlatformTransactionManager transactions, GroupCommitProperties properties) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        return properties.enabled() ? new GroupCommit(template, properties.writers(), properties.maxBatch())
                : new OwnTransaction(template);
    }

    /** One transaction per webhook, on the caller's thread. */
    private record OwnTransaction(TransactionTemplate template) implements WebhookCommits {
        @Override
        public <T> T commit(Supplier<T> work) {
            return template.execute(status -> work.get());
        }
    }
}
