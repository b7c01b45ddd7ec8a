package com.sellavie.platform.operations;

import com.sellavie.platform.security.SharedToken;

/** The operator token ({@link OpsProperties}); its own type so the operator beans find it by type. */
final class OperatorToken extends SharedToken {

    private OperatorToken(SharedToken token) {
        super(token);
    }

    static OperatorToken from(OpsProperties properties) {
        String guards = "Operator endpoints /ops/**";
        return new OperatorToken(SharedToken.from(properties.token(), properties.tokenFile(), guards, "SELLAVIE_OPS_TOKEN")
                .alsoAccepting(properties.alsoAcceptedToken(), properties.alsoAcceptedTokenFile(), guards,
                        "SELLAVIE_OPS_ALSO_ACCEPTED_TOKEN"));
    }
}
