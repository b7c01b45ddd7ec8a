package com.sellavie.gateway.security;

import org.springframework.security.oauth2.jwt.JwtException;

/** The denylist could not be asked in time: the edge fails closed (503), it never lets the token through. */
final class DenylistUnavailableException extends JwtException {

    DenylistUnavailableException(Throwable cause) {
        super("Denylist unavailable: " + cause, cause);
    }
}
