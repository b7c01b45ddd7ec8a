package com.sellavie.ai.reply;

import com.sellavie.ai.provider.AiProviderProperties;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@link ReplyJobProperties} and checks them against the provider chain. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReplyJobProperties.class)
class ReplyJobsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReplyJobsConfiguration.class);
    /** ProviderEndpoint's default call timeout. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(8);

    /**
     * A lease shorter than the chain's worst case (every provider timing out) lets another instance
     * claim a job whose model call is still running: the model would be called twice. The worst chain
     * holds every endpoint: a business may put them all in its own order (AI settings).
     */
    @Bean
    InitializingBean leaseOutlastsTheProviderChain(ReplyJobProperties replies, AiProviderProperties providers) {
        return () -> {
            Duration worstCase = providers.endpoints().values().stream()
                    .map(endpoint -> endpoint.timeout() == null ? DEFAULT_TIMEOUT : endpoint.timeout())
                    .reduce(Duration.ZERO, Duration::plus);
            if (replies.replyLease().compareTo(worstCase) <= 0) {
                log.warn("sellavie.ai.reply-lease ({}) is not longer than the endpoints' timeouts together ({}): "
                        + "a slow chain may see its job claimed again and the model called twice", replies.replyLease(),
                        worstCase);
            }
        };
    }
}
