package com.sellavie.platform.operations;

import com.sellavie.platform.security.SharedToken;

/** The operator token ({@link OpsProperties}); its own type so the operator beans find it by type. */
final class OperatorToken extends SharedToken {

    private OperatorToken(SharedToken token) {
        super(token);
    }

    static OperatorToken from(OpsProperties properties) {
        return new OperatorToken(SharedToken.from(properties.token(), properties.tokenFile(),
                "Operator endpoints /ops/**", "SELLAVIE_OPS_TOKEN"));
    }
}
