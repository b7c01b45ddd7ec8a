package com.sellavie.identity.mfa;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * RFC 6238 with the authenticator apps' defaults (HMAC-SHA1, 6 digits, 30 s steps, 160-bit secret):
 * new secrets, their otpauth URI and QR image, and which step a code belongs to. A code of the
 * current step or one step either side is accepted (clock drift); the caller refuses a step that was
 * already used, so a code cannot be replayed.
 */
@Component
class TotpCodes {

    static final String ISSUER = "Sellavie";
    static final int PERIOD_SECONDS = 30;
    private static final int DIGITS = 6;
    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

    private final DefaultCodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);
    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32);
    private final Clock clock;

    TotpCodes() {
        this(Clock.systemUTC());
    }

    TotpCodes(Clock clock) {
        this.clock = clock;
    }

    /** A new base32 secret (32 characters = 160 bits, RFC 4226's recommended length). */
    String newSecret() {
        return secrets.generate();
    }

    String otpauthUri(String secret, String account) {
        return qrData(secret, account).getUri();
    }

    /** The otpauth URI as a PNG QR code, base64-encoded. */
    String qrPng(String secret, String account) {
        try {
            return Base64.getEncoder().encodeToString(new ZxingPngQrGenerator().generate(qrData(secret, account)));
        } catch (QrGenerationException e) {
            throw new IllegalStateException("Could not draw the enrolment QR code", e);
        }
    }

    /** The step (counter) whose code {@code code} is, within one step of now; empty when it matches none. */
    OptionalLong matchingStep(String secret, String code) {
        if (code == null || !SIX_DIGITS.matcher(code).matches()) {
            return OptionalLong.empty();
        }
        long now = currentStep();
        for (long step = now - 1; step <= now + 1; step++) {
            if (MessageDigest.isEqual(codeAt(secret, step).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    long currentStep() {
        return Math.floorDiv(clock.instant().getEpochSecond(), PERIOD_SECONDS);
    }

    String codeAt(String secret, long step) {
        try {
            return generator.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("Could not compute a TOTP code", e);
        }
    }

    private static QrData qrData(String secret, String account) {
        return new QrData.Builder().label(account).secret(secret).issuer(ISSUER)
                .algorithm(HashingAlgorithm.SHA1).digits(DIGITS).period(PERIOD_SECONDS).build();
    }
}
