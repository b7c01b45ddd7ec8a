package com.sellavie.identity.auth;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** bcrypt for stored passwords. */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    /**
     * Cost 10 (2^10 rounds, ~60-100 ms a hash on a server core) by default, OWASP's floor for bcrypt;
     * raise {@code sellavie.identity.bcrypt-strength} as hardware allows (existing hashes keep their cost).
     */
    @Bean
    BCryptPasswordEncoder passwordEncoder(@Value("${sellavie.identity.bcrypt-strength:10}") int strength) {
        return new BCryptPasswordEncoder(strength);
    }
}
