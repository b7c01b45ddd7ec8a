package com.sellavie.local;

import com.sellavie.local.bench.BenchStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The started local stack as {@code ./sellavie bench} drives it: its sandbox Graph API (told about the bench
 * shops' accounts, reporting each send), its mail catcher (the shops' verification mail) and the app secret
 * that signs the webhooks, which stays here.
 */
final class LocalBenchStack implements BenchStack {

    private final LocalStack.Running running;
    private final String appSecret;
    private final Path reportFolder;

    LocalBenchStack(LocalStack.Running running, Path reportFolder) {
        if (running.sandbox() == null || running.mail() == null) {
            throw new IllegalStateException("The bench needs the launcher's own sandbox Graph API and mail catcher");
        }
        this.running = running;
        this.appSecret = running.secrets().metaAppSecret();
        this.reportFolder = reportFolder;
    }

    @Override
    public String gatewayUrl() {
        return running.gatewayUrl();
    }

    @Override
    public String kafkaBootstrap() {
        return running.kafkaBootstrap();
    }

    @Override
    public String signWebhook(byte[] body) {
        return WebhookSignature.sign(appSecret, body);
    }

    @Override
    public void grantAccount(String token, StubAccount account) {
        SandboxGraphApi.Account stubbed = switch (account.channelType()) {
            case "INSTAGRAM" -> new SandboxGraphApi.InstagramAccount(account.id(), account.name());
            case "MESSENGER" -> new SandboxGraphApi.FacebookPage(account.id(), account.name());
            case "WHATSAPP" -> new SandboxGraphApi.WhatsAppNumber(account.id(), account.wabaId(),
                    account.displayPhoneNumber(), account.name());
            default -> throw new IllegalArgumentException("No such channel type: " + account.channelType());
        };
        running.sandbox().controls(token, stubbed);
    }

    @Override
    public void onSend(SendListener listener) {
        running.sandbox().onSend(listener::accepted);
    }

    @Override
    public Optional<String> awaitVerificationToken(String address, Duration timeout) {
        return new DemoOwnerVerification(running.mail()).awaitToken(address, timeout);
    }

    @Override
    public List<NamedProcess> serviceProcesses() {
        return RunState.readFrom(running.data().runState()).map(state -> state.instances().stream()
                .map(instance -> new NamedProcess(instance.name(), instance.pid())).toList()).orElse(List.of());
    }

    @Override
    public Path reportFolder() {
        return reportFolder;
    }
}
