package com.sellavie.identity.auth;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** bcrypt for stored passwords. */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    /** Below this a stolen hash table is too cheap to crack (issue 9). */
    static final int MIN_STRENGTH = 12;

    /**
     * Cost 12 (2^12 rounds; measured in docs/benchmarks.md, "Login and bcrypt") by default; raise
     * {@code sellavie.identity.bcrypt-strength} as hardware allows. A hash of a lower cost is upgraded
     * on its owner's next successful log-in ({@link LogIn}).
     */
    @Bean
    BCryptPasswordEncoder passwordEncoder(@Value("${sellavie.identity.bcrypt-strength:12}") int strength) {
        if (strength < MIN_STRENGTH || strength > 31) {
            throw new IllegalStateException("sellavie.identity.bcrypt-strength must be between " + MIN_STRENGTH
                    + " and 31, was " + strength);
        }
        return new BCryptPasswordEncoder(strength);
    }
}
