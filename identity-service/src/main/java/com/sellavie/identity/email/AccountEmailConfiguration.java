package com.sellavie.identity.email;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The action-link cipher, loaded at start-up so a missing keyset stops the service with a clear cause. */
@Configuration(proxyBeanMethods = false)
class AccountEmailConfiguration {

    @Bean
    ActionLinkCipher actionLinkCipher(@Value("${sellavie.email.link-keyset:}") String keyset) {
        return ActionLinkCipher.fromKeyset(keyset);
    }
}
