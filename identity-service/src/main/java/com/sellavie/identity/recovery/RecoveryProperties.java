package com.sellavie.identity.recovery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sellavie.identity.recovery}: how long an emailed verification link (24 h) and a password-reset
 * link (1 h) work.
 */
@ConfigurationProperties("sellavie.identity.recovery")
record RecoveryProperties(Duration verificationTtl, Duration resetTtl) {

    RecoveryProperties {
        verificationTtl = verificationTtl == null ? Duration.ofHours(24) : verificationTtl;
        resetTtl = resetTtl == null ? Duration.ofHours(1) : resetTtl;
        if (!verificationTtl.isPositive() || !resetTtl.isPositive()) {
            throw new IllegalArgumentException("sellavie.identity.recovery: link lifetimes must be positive");
        }
    }
}
