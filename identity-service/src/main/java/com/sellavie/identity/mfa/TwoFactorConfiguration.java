package com.sellavie.identity.mfa;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The TOTP-secret cipher, loaded at start-up so a missing keyset stops the service with a clear cause. */
@Configuration(proxyBeanMethods = false)
class TwoFactorConfiguration {

    @Bean
    TotpSecretCipher totpSecretCipher(@Value("${sellavie.identity.totp.keyset-file:}") String keysetFile) {
        return TotpSecretCipher.fromKeysetFile(keysetFile);
    }
}
