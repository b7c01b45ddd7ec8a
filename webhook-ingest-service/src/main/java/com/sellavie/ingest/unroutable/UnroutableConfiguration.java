package com.sellavie.ingest.unroutable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The unroutable feature's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UnroutableProperties.class)
class UnroutableConfiguration {
}
