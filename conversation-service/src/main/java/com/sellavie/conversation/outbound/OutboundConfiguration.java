package com.sellavie.conversation.outbound;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OutboundProperties.class, MetaProperties.class})
class OutboundConfiguration {
}
