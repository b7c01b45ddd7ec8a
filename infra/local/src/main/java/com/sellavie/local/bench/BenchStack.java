package com.sellavie.local.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The running local stack as the harness needs it: where to post, which broker to read, and the Graph API
 * stub and mail catcher it controls. The launcher implements it; the app secret never leaves it (it signs).
 */
public interface BenchStack {

    String gatewayUrl();

    String kafkaBootstrap();

    /** Meta's {@code X-Hub-Signature-256} value for these exact body bytes. */
    String signWebhook(byte[] body);

    /** From now on the Graph API stub proves that {@code token} controls the account (and accepts sends to it). */
    void grantAccount(String token, StubAccount account);

    /** Every send the Graph API stub accepts is told to {@code listener} (replacing an earlier one). */
    void onSend(SendListener listener);

    /** The token of the newest verification mail to {@code address}, waiting up to {@code timeout}. */
    Optional<String> awaitVerificationToken(String address, Duration timeout);

    /** Each service instance's process (conversation, conversation-2, ...) as the launcher started it. */
    List<NamedProcess> serviceProcesses();

    /** Where reports go. */
    Path reportFolder();

    /** An account the stub knows; {@code wabaId} and {@code displayPhoneNumber} are WhatsApp's only. */
    record StubAccount(String channelType, String id, String name, String wabaId, String displayPhoneNumber) {
    }

    /** A process of the stack by the name the launcher gave it. */
    record NamedProcess(String name, long pid) {
    }

    /** An accepted send: the channel, to whom, and when its request reached the stub (both clocks). */
    interface SendListener {
        void accepted(String channelType, String recipient, long receivedAtNanos, long receivedAtMillis);
    }
}
