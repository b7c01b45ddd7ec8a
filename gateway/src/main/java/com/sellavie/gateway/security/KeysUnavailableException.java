package com.sellavie.gateway.security;

import org.springframework.security.oauth2.jwt.JwtException;

/** Identity's JWKS could not be fetched: the token cannot be verified, so the edge fails closed (503). */
final class KeysUnavailableException extends JwtException {

    KeysUnavailableException(Throwable cause) {
        super("Signing keys unavailable: " + cause, cause);
    }
}
