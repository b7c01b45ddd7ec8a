package com.sellavie.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sellavie.systemtests.stack.Mailbox;
import com.sellavie.systemtests.stack.SellavieStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A merchant who signed up, logged in and connected a channel (Instagram by default; a Messenger Page
 * or a WhatsApp number with {@link #openMessenger} / {@link #openWhatsApp}), and the customers who
 * write to it — all through the gateway. Each test opens its own shop, so no test sees another's
 * conversations or Send API calls.
 */
final class Shop {

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 1000);
    static final String PASSWORD = "linen-Shirts-2026";
    static final String VERIFICATION_SUBJECT = "Confirm your email address for Sellavie";

    private final SellavieStack stack;
    private final Gateway gateway;
    private final String email;
    private final String businessName;
    private final String accessToken;
    private final ConnectedAccount account;
    private final String channelToken;
    private final JsonNode channel;

    /**
     * What the shop connected: its type, Meta's id for it (Instagram account, Page or phone number
     * id: the channel's externalId, where replies go from), and for WhatsApp the WABA and the number.
     */
    record ConnectedAccount(String type, String externalId, String wabaId, String displayPhoneNumber) {
    }

    private Shop(SellavieStack stack, Gateway gateway, String email, String businessName, String accessToken,
            ConnectedAccount account, String channelToken, JsonNode channel) {
        this.stack = stack;
        this.gateway = gateway;
        this.email = email;
        this.businessName = businessName;
        this.accessToken = accessToken;
        this.account = account;
        this.channelToken = channelToken;
        this.channel = channel;
    }

    /** Sign-up, log-in and connecting an Instagram channel, asserting each answer on the way. */
    static Shop open(SellavieStack stack, IngestRouting routing) {
        return open(stack, routing, (token, suffix) -> {
            String instagramAccountId = "178414" + IDS.incrementAndGet();
            stack.metaGraphApi().instagramAccount(token, instagramAccountId, "linen.house." + suffix);
            return new ConnectedAccount("INSTAGRAM", instagramAccountId, null, null);
        }, account -> Map.of("type", "INSTAGRAM", "externalId", account.externalId()));
    }

    /** Sign-up, log-in and connecting a Facebook Page for Messenger (its Page token proven with Meta). */
    static Shop openMessenger(SellavieStack stack, IngestRouting routing) {
        return open(stack, routing, (token, suffix) -> {
            String pageId = "10" + IDS.incrementAndGet();
            stack.metaGraphApi().messengerPage(token, pageId, "Linen House " + suffix);
            return new ConnectedAccount("MESSENGER", pageId, null, null);
        }, account -> Map.of("type", "MESSENGER", "pageId", account.externalId()));
    }

    /** Sign-up, log-in and connecting a WhatsApp number of a WABA (proven with Meta: the WABA lists it). */
    static Shop openWhatsApp(SellavieStack stack, IngestRouting routing) {
        return open(stack, routing, (token, suffix) -> {
            long id = IDS.incrementAndGet();
            String phoneNumberId = "1065" + id;
            String wabaId = "1029" + id;
            String displayPhoneNumber = "1555" + String.format("%07d", id % 10_000_000);
            stack.metaGraphApi().whatsappNumber(token, phoneNumberId, displayPhoneNumber, "Linen House " + suffix, wabaId);
            return new ConnectedAccount("WHATSAPP", phoneNumberId, wabaId, displayPhoneNumber);
        }, account -> Map.of("type", "WHATSAPP", "phoneNumberId", account.externalId(), "wabaId", account.wabaId()));
    }

    private static Shop open(SellavieStack stack, IngestRouting routing,
            BiFunction<String, String, ConnectedAccount> metaKnows,
            Function<ConnectedAccount, Map<String, String>> identifiers) {
        Gateway gateway = new Gateway(stack.gatewayUrl());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "owner-" + suffix + "@example.com";
        String businessName = "Linen House " + suffix;
        JsonNode signedUp = signUp(gateway, stack.mail(), email, businessName);

        JsonNode loggedIn = gateway.postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD), null)
                .expect(200).json();
        assertThat(loggedIn.path("business").path("id").asText())
                .isEqualTo(signedUp.path("business").path("id").asText());
        String accessToken = loggedIn.path("accessToken").asText();

        String channelToken = "EAAB" + UUID.randomUUID().toString().replace("-", "");
        ConnectedAccount account = metaKnows.apply(channelToken, suffix);
        Map<String, String> connect = new HashMap<>(identifiers.apply(account));
        String typeName = account.type().charAt(0) + account.type().substring(1).toLowerCase(Locale.ROOT);
        connect.put("name", businessName + " on " + typeName);
        connect.put("accessToken", channelToken);
        long channelEventsBefore = routing.channelEventsPublished();
        JsonNode channel = gateway.postJson("/api/channels", connect, accessToken).expect(201).json();
        assertThat(channel.path("type").asText()).isEqualTo(account.type());
        assertThat(channel.path("externalId").asText()).isEqualTo(account.externalId());
        assertThat(channel.path("status").asText()).isEqualTo("CONNECTED");
        assertThat(channel.toString()).as("the channel token is masked in every answer").doesNotContain(channelToken);
        assertThat(gateway.get("/api/channels", accessToken).expect(200).json().findValuesAsText("externalId"))
                .containsExactly(account.externalId());
        routing.awaitRouteLearnt(channelEventsBefore, Duration.ofSeconds(60));
        return new Shop(stack, gateway, email, businessName, accessToken, account, channelToken, channel);
    }

    /**
     * {@code POST /api/auth/signup} (202 "check your email", no session), the emailed verification link
     * opened, then the log-in: its answer,
     * with a Bearer token for the new business.
     */
    static JsonNode signUp(Gateway gateway, Mailbox mail, String email, String businessName) {
        JsonNode accepted = gateway.postJson("/api/auth/signup",
                Map.of("email", email, "password", PASSWORD, "businessName", businessName), null).expect(202).json();
        assertThat(accepted.path("status").asText()).isEqualTo("CHECK_YOUR_EMAIL");
        // Connecting a channel needs a confirmed address: open the emailed link first, as the merchant would.
        String link = Mailbox.link(mail.awaitMail(email, VERIFICATION_SUBJECT, Duration.ofSeconds(60)), "/verify-email");
        gateway.postJson("/api/auth/email-verification", Map.of("token", Mailbox.token(link)), null).expect(204);
        JsonNode signedUp = gateway.postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD), null)
                .expect(200).json();
        assertThat(signedUp.path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(signedUp.path("accessToken").asText()).isNotBlank();
        assertThat(signedUp.path("business").path("name").asText()).isEqualTo(businessName);
        return signedUp;
    }

    /** The access token of another, freshly signed-up business (no channel). */
    static String anotherBusinessToken(SellavieStack stack) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return signUp(new Gateway(stack.gatewayUrl()), stack.mail(), "other-" + suffix + "@example.com", "Other Shop " + suffix)
                .path("accessToken").asText();
    }

    /** The merchant's notification feed ({@code GET /api/notifications}, newest first). */
    List<JsonNode> notifications() {
        List<JsonNode> items = new ArrayList<>();
        gateway.get("/api/notifications?limit=100", accessToken).expect(200).json().path("items").forEach(items::add);
        return items;
    }

    /**
     * Waits until the feed holds at least {@code count} notifications. The DMs of one customer reach
     * notification-service in order, so once the marker DM's notification is there, a duplicate of
     * an earlier one would be too.
     */
    List<JsonNode> awaitNotifications(int count) {
        return await("at least " + count + " notifications").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(this::notifications, n -> n.size() >= count);
    }

    Gateway gateway() {
        return gateway;
    }

    String accessToken() {
        return accessToken;
    }

    /** A new customer of this shop: an Instagram-scoped id, a Page-scoped id (PSID) or a WhatsApp wa_id. */
    String newCustomer() {
        return switch (account.type()) {
            case "MESSENGER" -> "2" + IDS.incrementAndGet();
            case "WHATSAPP" -> "234" + IDS.incrementAndGet();
            default -> "IGSID-" + IDS.incrementAndGet();
        };
    }

    /** An Instagram DM to this (Instagram) shop. */
    InstagramDm dm(String customer, String text) {
        if (!"INSTAGRAM".equals(account.type())) {
            throw new IllegalStateException("dm() is an Instagram DM; this shop connected " + account.type());
        }
        return InstagramDm.of(account.externalId(), customer,
                "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlE" + IDS.incrementAndGet(), text);
    }

    /** The customer's message as Meta's webhook for this shop's channel type carries it. */
    CustomerMessage message(String customer, String text) {
        long id = IDS.incrementAndGet();
        return switch (account.type()) {
            case "MESSENGER" -> MessengerDm.of(account.externalId(), customer, "m_AbCdEfGhIjKlMn" + id, text);
            case "WHATSAPP" -> WhatsAppMessage.of(account.wabaId(), account.externalId(), account.displayPhoneNumber(),
                    customer, "wamid.HBgLMjM0ODAzMTIzNDU2FQIAEhgUM0" + id, text);
            default -> dm(customer, text);
        };
    }

    /** Meta delivering the message (signed with the app secret over the exact bytes); ingest answers 200. */
    void deliver(CustomerMessage dm) {
        byte[] body = dm.body();
        gateway.postMetaWebhook(body, InstagramDm.signature(stack.secrets().metaAppSecret(), body)).expect(200);
    }

    JsonNode conversations() {
        return gateway.get("/api/conversations", accessToken).expect(200).json();
    }

    /** The conversation with this customer, or null while there is none. */
    JsonNode conversationWith(String customer) {
        for (JsonNode conversation : conversations()) {
            if (customer.equals(conversation.path("contact").path("externalId").asText())) {
                return conversation;
            }
        }
        return null;
    }

    /** The messages of the conversation with this customer, oldest first (empty while there is none). */
    List<JsonNode> messagesWith(String customer) {
        JsonNode conversation = conversationWith(customer);
        if (conversation == null) {
            return List.of();
        }
        List<JsonNode> messages = new ArrayList<>();
        gateway.get("/api/conversations/" + conversation.path("id").asText() + "/messages", accessToken)
                .expect(200).json().forEach(messages::add);
        return messages;
    }

    /** Waits until the conversation with this customer satisfies {@code condition}; returns its messages. */
    List<JsonNode> awaitMessages(String customer, String description, Predicate<List<JsonNode>> condition,
            Duration timeout) {
        return await(description).atMost(timeout).pollInterval(Duration.ofMillis(500))
                .until(() -> messagesWith(customer), condition);
    }

    String instagramAccountId() {
        return account.externalId();
    }

    ConnectedAccount account() {
        return account;
    }

    String channelToken() {
        return channelToken;
    }

    JsonNode channel() {
        return channel;
    }

    String businessName() {
        return businessName;
    }

    String email() {
        return email;
    }
}
