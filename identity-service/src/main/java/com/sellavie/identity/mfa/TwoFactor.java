package com.sellavie.identity.mfa;

import com.sellavie.identity.mfa.MfaExceptions.EnrolmentStateException;
import com.sellavie.identity.mfa.MfaExceptions.InvalidCodeException;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A user's TOTP second factor: enrolment (secret shown once, stored encrypted), confirmation with a
 * first code (which turns 2FA on and yields ten single-use recovery codes, stored as SHA-256),
 * checking a code at log-in, and disabling with password and code. Every code check is throttled per
 * user ({@link CodeAttempts}); an accepted TOTP step is remembered so its code cannot be used again.
 */
@Service
public class TwoFactor {

    static final int RECOVERY_CODES = 10;

    private final TwoFactorStore store;
    private final TotpCodes codes;
    private final TotpSecretCipher cipher;
    private final CodeAttempts attempts;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transactions;
    private final RecoveryCodeGenerator recoveryCodes = new RecoveryCodeGenerator();
    private final Clock clock = Clock.systemUTC();

    TwoFactor(TwoFactorStore store, TotpCodes codes, TotpSecretCipher cipher, CodeAttempts attempts,
            PasswordEncoder passwords, TransactionTemplate transactions) {
        this.store = store;
        this.codes = codes;
        this.cipher = cipher;
        this.attempts = attempts;
        this.passwords = passwords;
        this.transactions = transactions;
    }

    /** Whether {@code userId} has confirmed 2FA (log-in then asks for a code). */
    public boolean enabled(UUID userId) {
        return store.enabled(userId);
    }

    /** Starts (or restarts) an enrolment; refused when 2FA is already on. */
    Enrolment enrol(UUID userId, String email) {
        String secret = codes.newSecret();
        if (!store.startEnrolment(userId, cipher.encrypt(secret, userId), now())) {
            throw new EnrolmentStateException("Two-factor authentication already on",
                    "Disable it first to enrol a new authenticator.");
        }
        return new Enrolment(secret, codes.otpauthUri(secret, email), codes.qrPng(secret, email));
    }

    /** Confirms the pending enrolment with a first code: 2FA is on, and these are the recovery codes. */
    List<String> confirm(UUID userId, String code) {
        TwoFactorStore.Enrolment enrolment = store.enrolment(userId)
                .orElseThrow(() -> new EnrolmentStateException("No enrolment to confirm",
                        "Start an enrolment first (POST /api/auth/totp)."));
        if (enrolment.confirmed()) {
            throw new EnrolmentStateException("Two-factor authentication already on",
                    "It is confirmed already.");
        }
        attempts.checkAllowed(userId);
        if (!acceptTotp(userId, enrolment, code)) {
            attempts.failed(userId);
            throw new InvalidCodeException();
        }
        attempts.succeeded(userId);
        List<String> plain = Arrays.asList(recoveryCodes.generateCodes(RECOVERY_CODES));
        transactions.executeWithoutResult(status -> {
            store.confirm(userId, now());
            store.replaceRecoveryCodes(userId, plain.stream().map(TwoFactor::recoveryHash).toList());
        });
        return plain;
    }

    /** Turns 2FA off; needs the password and a current code (or a recovery code). */
    void disable(UUID userId, String password, String code) {
        if (!store.enabled(userId)) {
            throw new EnrolmentStateException("Two-factor authentication is off", "There is nothing to disable.");
        }
        attempts.checkAllowed(userId);
        String hash = store.passwordHash(userId).orElseThrow(InvalidCodeException::new);
        boolean passwordOk = password != null && passwords.matches(password, hash);
        // The code is checked only after the password, so a wrong password never spends a recovery code.
        if (!passwordOk || verify(userId, code).isEmpty()) {
            attempts.failed(userId);
            throw new InvalidCodeException();
        }
        attempts.succeeded(userId);
        store.remove(userId);
    }

    /**
     * Checks a second-factor code at log-in: a TOTP code (once per step) or an unused recovery code
     * (spent). Empty when wrong; throttled per user.
     */
    Optional<Method> check(UUID userId, String code) {
        attempts.checkAllowed(userId);
        Optional<Method> method = verify(userId, code);
        if (method.isEmpty()) {
            attempts.failed(userId);
        } else {
            attempts.succeeded(userId);
        }
        return method;
    }

    private Optional<Method> verify(UUID userId, String code) {
        Optional<TwoFactorStore.Enrolment> enrolment = store.enrolment(userId).filter(TwoFactorStore.Enrolment::confirmed);
        if (enrolment.isEmpty() || code == null) {
            return Optional.empty();
        }
        if (acceptTotp(userId, enrolment.get(), code.strip())) {
            return Optional.of(Method.TOTP);
        }
        String normalised = normaliseRecoveryCode(code);
        if (normalised.length() == 16 && store.spendRecoveryCode(userId, recoveryHash(normalised), now())) {
            return Optional.of(Method.RECOVERY_CODE);
        }
        return Optional.empty();
    }

    private boolean acceptTotp(UUID userId, TwoFactorStore.Enrolment enrolment, String code) {
        OptionalLong step = codes.matchingStep(cipher.decrypt(enrolment.secretEncrypted(), userId), code);
        return step.isPresent() && store.acceptStep(userId, step.getAsLong());
    }

    private static String normaliseRecoveryCode(String code) {
        return code.strip().toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
    }

    private static byte[] recoveryHash(String code) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(normaliseRecoveryCode(code).getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** How the second factor was proved. */
    enum Method { TOTP, RECOVERY_CODE }

    /** What enrolment shows once: the secret, its otpauth URI and the QR image (base64 PNG). */
    record Enrolment(String secret, String otpauthUri, String qrPng) {

        @Override
        public String toString() {
            return "Enrolment[secret=***]";
        }
    }
}
