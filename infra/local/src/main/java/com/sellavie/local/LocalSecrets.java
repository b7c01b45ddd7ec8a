package com.sellavie.local;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;

/**
 * The local stack's generated secrets, each made on first use and kept in {@code secrets/}: the
 * sandbox Meta app secret and verify token, identity's JWT signing key, conversation-service's
 * channel-token keyset, commerce-service's payment-secret keyset, the email link keyset (identity and
 * notification), the operator token, the service
 * token, the database roles' passwords and the demo owner's
 * password. A value the environment already sets ({@code SELLAVIE_META_APP_SECRET}, ...) wins over
 * the generated one.
 */
final class LocalSecrets {

    private final Path folder;
    private final Map<String, String> environment;

    LocalSecrets(Path folder, Map<String, String> environment) {
        this.folder = folder;
        this.environment = environment;
    }

    String metaAppSecret() {
        return fromEnvironmentOr("SELLAVIE_META_APP_SECRET",
                () -> SecretFile.readOrCreate(folder.resolve("meta-app-secret"), () -> SecretFile.randomHex(32)));
    }

    String metaVerifyToken() {
        return fromEnvironmentOr("SELLAVIE_META_VERIFY_TOKEN",
                () -> SecretFile.readOrCreate(folder.resolve("meta-verify-token"), () -> SecretFile.randomHex(16)));
    }

    /**
     * The operator token every service gets (SELLAVIE_OPS_TOKEN) and {@code ./sellavie dlt|unroutable}
     * presents to their {@code /ops/**} endpoints.
     */
    String opsToken() {
        return fromEnvironmentOr("SELLAVIE_OPS_TOKEN",
                () -> SecretFile.readOrCreate(folder.resolve("ops-token"), () -> SecretFile.randomHex(32)));
    }

    /** The service token every service presents to another's {@code /internal/**} (SELLAVIE_INTERNAL_TOKEN). */
    String internalToken() {
        return fromEnvironmentOr("SELLAVIE_INTERNAL_TOKEN",
                () -> SecretFile.readOrCreate(folder.resolve("internal-token"), () -> SecretFile.randomHex(32)));
    }

    /** The demo business's Stripe test secret key, known only to the sandbox payment provider. */
    String sandboxStripeSecretKey() {
        return SecretFile.readOrCreate(folder.resolve("sandbox-stripe-secret-key"),
                () -> "sk_test_" + SecretFile.randomHex(24));
    }

    /** The webhook signing secret the sandbox signs the demo business's Stripe webhooks with. */
    String sandboxStripeWebhookSecret() {
        return SecretFile.readOrCreate(folder.resolve("sandbox-stripe-webhook-secret"),
                () -> "whsec_" + SecretFile.randomHex(24));
    }

    /**
     * The access token of the demo business's channel of this type (instagram, messenger, whatsapp):
     * kept, so the sandbox Graph API, which forgets on restart, is told again at every start that it
     * controls the demo account (the WhatsApp templates are read with it on every call).
     */
    String sandboxChannelToken(String channelType) {
        return SecretFile.readOrCreate(folder.resolve("sandbox-" + channelType + "-token"),
                () -> "sandbox-" + SecretFile.randomHex(16));
    }

    /** Path of identity's RSA signing key (PKCS#8 PEM). */
    Path jwtPrivateKeyFile() {
        String configured = environment.get("SELLAVIE_JWT_PRIVATE_KEY_FILE");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path file = folder.resolve("jwt-signing-key.pem");
        SecretFile.readOrCreate(file, LocalSecrets::newRsaPrivateKeyPem);
        return file;
    }

    /** Path of conversation-service's Tink AEAD keyset (JSON). */
    Path conversationKeysetFile() {
        String configured = environment.get("SELLAVIE_CONVERSATION_KEYSET_FILE");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path file = folder.resolve("conversation-keyset.json");
        SecretFile.readOrCreate(file, LocalSecrets::newAeadKeyset);
        return file;
    }

    /** Path of commerce-service's Tink AEAD keyset for payment provider secrets (JSON). */
    Path commerceKeysetFile() {
        String configured = environment.get("SELLAVIE_COMMERCE_KEYSET_FILE");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path file = folder.resolve("commerce-keyset.json");
        SecretFile.readOrCreate(file, LocalSecrets::newAeadKeyset);
        return file;
    }

    /** Path of identity-service's Tink AEAD keyset for TOTP secrets (JSON). */
    Path identityKeysetFile() {
        String configured = environment.get("SELLAVIE_IDENTITY_KEYSET_FILE");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path file = folder.resolve("identity-keyset.json");
        SecretFile.readOrCreate(file, LocalSecrets::newAeadKeyset);
        return file;
    }

    /**
     * The Tink AEAD keyset (JSON text) that encrypts account emails' action links: identity encrypts,
     * notification decrypts ({@code SELLAVIE_EMAIL_LINK_KEYSET}, the keyset itself, not a file).
     */
    String emailLinkKeyset() {
        String configured = environment.get("SELLAVIE_EMAIL_LINK_KEYSET");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return SecretFile.readOrCreate(folder.resolve("email-link-keyset.json"), LocalSecrets::newAeadKeyset);
    }

    /**
     * The Tink AEAD keyset (JSON text) with which ai-service encrypts the API keys businesses store in
     * their AI settings ({@code SELLAVIE_AI_KEYSET}, the keyset itself, not a file).
     */
    String aiKeyset() {
        String configured = environment.get("SELLAVIE_AI_KEYSET");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return SecretFile.readOrCreate(folder.resolve("ai-keyset.json"), LocalSecrets::newAeadKeyset);
    }

    String databasePassword(String role) {
        return SecretFile.readOrCreate(folder.resolve("db-" + role + ".password"), () -> SecretFile.randomHex(16));
    }

    /**
     * This data folder's own part of the Redis keys that count requests (sign-up emails, the gateway's buckets): the
     * machine's Redis is shared with every other stack and test run on it, whose counts must not refuse this stack's
     * requests (a test run's sign-ups from 127.0.0.1 refused a fresh {@code up}'s demo owner for an hour). Kept, so a
     * restart of the same stack keeps its counts. Not a secret; kept with the values generated once per folder.
     */
    String redisNamespace() {
        return SecretFile.readOrCreate(folder.resolve("redis-namespace"), () -> SecretFile.randomHex(8));
    }

    /** Long enough and random enough for identity's password policy. */
    String demoOwnerPassword() {
        return SecretFile.readOrCreate(folder.resolve("demo-owner.password"),
                () -> "demo-" + SecretFile.randomHex(8));
    }

    Path folder() {
        return folder;
    }

    private String fromEnvironmentOr(String name, java.util.function.Supplier<String> generated) {
        String value = environment.get(name);
        return value != null && !value.isBlank() ? value : generated.get();
    }

    static String newRsaPrivateKeyPem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
            return "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                            .encodeToString(pkcs8)
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot generate an RSA key", e);
        }
    }

    static String newAeadKeyset() {
        try {
            AeadConfig.register();
            KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not generate an AEAD keyset", e);
        }
    }
}
