package com.sellavie.notification;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sellavie.platform.test.TcpProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The test JVM's mail side, given to every Spring context of the service: a GreenMail SMTP server
 * behind a {@link TcpProxy} (cut it to play a server that is down), a freshly generated link keyset
 * (as identity would share it), and a retry schedule short enough to watch.
 */
public class TestMail implements EnvironmentPostProcessor {

    private static final String KEYSET = newKeyset();
    private static final GreenMail SERVER = startServer();
    private static final TcpProxy PROXY = TcpProxy.to("127.0.0.1", SERVER.getSmtp().getPort());

    /** Max attempts before an email is FAILED in tests (delays 0.5 s, 1 s, 2 s, 2 s). */
    public static final int MAX_ATTEMPTS = 5;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addFirst(new MapPropertySource("notification-test-mail", Map.of(
                "sellavie.email.link-keyset", KEYSET,
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", PROXY.port(),
                "sellavie.email.poll-interval", "PT0.2S",
                "sellavie.email.max-attempts", MAX_ATTEMPTS,
                "sellavie.email.first-retry-delay", "PT0.5S",
                "sellavie.email.max-retry-delay", "PT2S")));
    }

    /** The link keyset identity and this service share in tests. */
    public static String keyset() {
        return KEYSET;
    }

    public static GreenMail server() {
        return SERVER;
    }

    /** The SMTP server as the service reaches it. */
    public static TcpProxy smtp() {
        return PROXY;
    }

    /** Encrypts a link as identity does: AEAD, associated data = the emailId's text, base64url without padding. */
    public static String encryptLink(String link, UUID emailId) {
        try {
            KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(KEYSET, InsecureSecretKeyAccess.get());
            Aead aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
            byte[] ciphertext = aead.encrypt(link.getBytes(StandardCharsets.UTF_8),
                    emailId.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newKeyset() {
        try {
            AeadConfig.register();
            return TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not generate the test link keyset", e);
        }
    }

    private static GreenMail startServer() {
        // A free port, not GreenMail's fixed 3025: other test JVMs on the machine may hold that one.
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }
}
