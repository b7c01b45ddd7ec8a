/** Access tokens: the signing key from configuration, RS256 JWTs issued at sign-up and log-in, and the JWKS. */
package com.sellavie.identity.token;
