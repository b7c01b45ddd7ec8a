package com.sellavie.identity.token;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public keys that verify identity's access tokens (RFC 7517 JWK Set): the current key and,
 * during a rotation, the previous one. Never a private part.
 */
@RestController
class JwksController {

    private final Map<String, Object> jwks;

    JwksController(SigningKeys keys) {
        // toJSONObject(true): public parameters only, even if a private key slipped into the set.
        this.jwks = keys.publicKeys().toJSONObject(true);
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks() {
        // Resource servers re-fetch on an unknown kid anyway; a short cache spares identity the traffic.
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(jwks);
    }
}
