package com.sellavie.identity.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the signing key files named by {@link TokenProperties.Jwt}. Every failure is a
 * {@link SigningKeyException} whose message names the setting and the file, never the key material.
 */
public final class SigningKeyLoader {

    static final int MIN_BITS = 2048;
    static final String PRIVATE_KEY_SETTING =
            "sellavie.identity.jwt.private-key-file (env SELLAVIE_JWT_PRIVATE_KEY_FILE)";
    static final String PREVIOUS_KEY_SETTING =
            "sellavie.identity.jwt.previous-public-key-file (env SELLAVIE_JWT_PREVIOUS_PUBLIC_KEY_FILE)";
    private static final String GENERATE = "generate one with `openssl genpkey -algorithm RSA "
            + "-pkeyopt rsa_keygen_bits:3072 -out jwt-signing-key.pem` and point "
            + "SELLAVIE_JWT_PRIVATE_KEY_FILE at it (./sellavie up does this for the local stack)";
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private SigningKeyLoader() {
    }

    public static SigningKeys load(TokenProperties.Jwt config) {
        if (isBlank(config.privateKeyFile())) {
            throw new SigningKeyException("No JWT signing key: " + PRIVATE_KEY_SETTING
                    + " is not set, so identity-service cannot issue access tokens.", "Set it: " + GENERATE + ".");
        }
        RSAKey current = privateKey(Path.of(config.privateKeyFile().strip()));
        Optional<RSAKey> previous = isBlank(config.previousPublicKeyFile()) ? Optional.empty()
                : Optional.of(publicKey(Path.of(config.previousPublicKeyFile().strip())));
        if (previous.isPresent() && previous.get().getKeyID().equals(current.getKeyID())) {
            throw new SigningKeyException("The previous public key (" + PREVIOUS_KEY_SETTING
                    + ") is the current signing key's own public half.",
                    "Point it at the retired key's public half, or unset it.");
        }
        return new SigningKeys(current, previous);
    }

    static RSAKey privateKey(Path file) {
        Pem pem = read(file, PRIVATE_KEY_SETTING);
        if (!pem.type().equals("PRIVATE KEY")) {
            throw new SigningKeyException("The JWT signing key " + file + " is a PEM '" + pem.type()
                    + "', not an unencrypted PKCS#8 'PRIVATE KEY'.", "Convert it with `openssl pkcs8 -topk8 "
                    + "-nocrypt -in " + file + " -out jwt-signing-key.pem`, or " + GENERATE + ".");
        }
        try {
            if (!(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pem.der()))
                    instanceof RSAPrivateCrtKey key)) {
                throw new SigningKeyException("The JWT signing key " + file + " lacks its CRT parameters, so its "
                        + "public half cannot be derived.", GENERATE + ".");
            }
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            requireStrength(publicKey, file);
            return withKeyId(new RSAKey.Builder(publicKey).privateKey(key));
        } catch (GeneralSecurityException e) {
            throw new SigningKeyException("The JWT signing key " + file + " is not an RSA PKCS#8 private key ("
                    + e.getClass().getSimpleName() + ").", GENERATE + ".", e);
        }
    }

    static RSAKey publicKey(Path file) {
        Pem pem = read(file, PREVIOUS_KEY_SETTING);
        if (!pem.type().equals("PUBLIC KEY")) {
            throw new SigningKeyException("The previous public key " + file + " is a PEM '" + pem.type()
                    + "', not an X.509 'PUBLIC KEY'.", "Extract the retired key's public half with "
                    + "`openssl pkey -in old-key.pem -pubout -out previous-public-key.pem`.");
        }
        try {
            if (!(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pem.der()))
                    instanceof RSAPublicKey key)) {
                throw new SigningKeyException("The previous public key " + file + " is not an RSA key.",
                        "Use the retired RSA signing key's public half.");
            }
            requireStrength(key, file);
            return withKeyId(new RSAKey.Builder(key));
        } catch (GeneralSecurityException e) {
            throw new SigningKeyException("The previous public key " + file + " is not an RSA X.509 public key ("
                    + e.getClass().getSimpleName() + ").", "Extract the retired key's public half with "
                    + "`openssl pkey -in old-key.pem -pubout -out previous-public-key.pem`.", e);
        }
    }

    /** The key id is the RFC 7638 thumbprint: stable for a key, different for the next one. */
    private static RSAKey withKeyId(RSAKey.Builder builder) {
        try {
            RSAKey key = builder.keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
            return new RSAKey.Builder(key).keyID(key.computeThumbprint().toString()).build();
        } catch (JOSEException e) {
            throw new IllegalStateException("SHA-256 unavailable for the key thumbprint", e);
        }
    }

    private static void requireStrength(RSAPublicKey key, Path file) {
        int bits = key.getModulus().bitLength();
        if (bits < MIN_BITS) {
            throw new SigningKeyException("The RSA key " + file + " has " + bits + " bits; at least " + MIN_BITS
                    + " are required.", GENERATE + ".");
        }
    }

    private static Pem read(Path file, String setting) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new SigningKeyException("Cannot read " + file + " named by " + setting + " ("
                    + e.getClass().getSimpleName() + ").", "Check the path and that the service's user may read it.",
                    e);
        }
        Matcher matcher = PEM.matcher(text);
        if (!matcher.find()) {
            throw new SigningKeyException(file + " named by " + setting + " is not a PEM file.",
                    "It must hold a '-----BEGIN ...-----' block: " + GENERATE + ".");
        }
        try {
            return new Pem(matcher.group(1), Base64.getMimeDecoder().decode(matcher.group(2)));
        } catch (IllegalArgumentException e) {
            throw new SigningKeyException(file + " named by " + setting + " holds a damaged PEM block.", GENERATE + ".");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private record Pem(String type, byte[] der) {
    }
}
