package com.sellavie.ai.reply;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link ReplyJobProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReplyJobProperties.class)
class ReplyJobsConfiguration {
}
