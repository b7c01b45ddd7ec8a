package com.sellavie.identity.support;

import com.sellavie.events.identity.AccountEmailRequested;
import com.sellavie.identity.email.ActionLinkCipher;
import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.schemas.Topics;
import com.sellavie.schemas.serde.EventSerdes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code identity.account-emails} from the beginning with the registry's deserializer and opens
 * the action links with the test keyset, as notification-service would. Not thread-safe: poll from
 * the test's thread (Awaitility conditions included).
 */
public final class AccountEmailsTopic implements AutoCloseable {

    private final EventSerdes serdes = EventSerdes.connect(TestSchemaRegistry.baseUrl());
    private final ActionLinkCipher cipher = ActionLinkCipher.fromKeyset(TestSigningKey.emailLinkKeyset());
    private final KafkaConsumer<String, Object> consumer;
    private final List<ConsumerRecord<String, Object>> seen = new CopyOnWriteArrayList<>();

    public AccountEmailsTopic() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "identity-account-emails-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), serdes.deserializer());
        consumer.subscribe(List.of(Topics.IDENTITY_ACCOUNT_EMAILS.name()));
    }

    /** The emails requested so far for {@code recipient} (after one more poll), oldest first. */
    public List<ConsumerRecord<String, Object>> to(String recipient) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen.stream().filter(record -> record.value() instanceof AccountEmailRequested email
                && email.getRecipient().equals(recipient)).toList();
    }

    /** Waits for the {@code count}-th email of {@code kind} to {@code recipient} and returns it. */
    public AccountEmailRequested await(String recipient, String kind, int count) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> ofKind(recipient, kind), found -> found.size() >= count).get(count - 1);
    }

    /** The emails of {@code kind} requested so far for {@code recipient}. */
    public List<AccountEmailRequested> ofKind(String recipient, String kind) {
        return to(recipient).stream().map(record -> (AccountEmailRequested) record.value())
                .filter(email -> email.getKind().equals(kind)).toList();
    }

    /** The email's action link, decrypted. */
    public String link(AccountEmailRequested email) {
        return cipher.decrypt(email.getActionLinkCiphertext(), email.getEmailId());
    }

    /** The token in the email's action link. */
    public String token(AccountEmailRequested email) {
        String link = link(email);
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    @Override
    public void close() {
        consumer.close();
        serdes.close();
    }
}
