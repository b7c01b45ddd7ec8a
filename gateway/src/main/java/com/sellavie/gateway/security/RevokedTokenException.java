package com.sellavie.gateway.security;

import org.springframework.security.oauth2.jwt.BadJwtException;

/** A well-signed token whose session or membership was revoked (the denylist names it): 401. */
final class RevokedTokenException extends BadJwtException {

    RevokedTokenException(String message) {
        super(message);
    }
}
