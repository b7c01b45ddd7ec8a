package com.sellavie.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code ./sellavie demo-dm [--channel instagram|messenger|whatsapp] [--comment] "text"}: a customer message
 * webhook (with {@code --comment}: the customer's comment on one of the business's posts)
 * from the demo customer to the demo business's account on that channel, shaped as Meta sends it
 * (Instagram {@code object: instagram}, Messenger {@code object: page}, WhatsApp
 * {@code object: whatsapp_business_account}; PROVIDERS.md §1.4-1.6), signed with the app secret over
 * the exact bytes it sends.
 */
final class DemoDirectMessage {

    static final String DEFAULT_TEXT = "Is the linen shirt available?";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The demo business's channels a demo customer can write to. */
    enum Channel {
        INSTAGRAM("Instagram account " + DemoBusiness.INSTAGRAM_ACCOUNT_ID, DemoBusiness.CUSTOMER_ID),
        MESSENGER("Messenger Page " + DemoBusiness.MESSENGER_PAGE_ID, DemoBusiness.MESSENGER_CUSTOMER_ID),
        WHATSAPP("WhatsApp number " + DemoBusiness.WHATSAPP_DISPLAY_PHONE_NUMBER, DemoBusiness.WHATSAPP_CUSTOMER_ID);

        private final String business;
        private final String customer;

        Channel(String business, String customer) {
            this.business = business;
            this.customer = customer;
        }

        /** The demo business's account the message goes to, as a person reads it. */
        String business() {
            return business;
        }

        /** The demo customer's id on this channel (IGSID, PSID, wa_id). */
        String customer() {
            return customer;
        }

        String optionName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static String optionNames() {
            return Arrays.stream(values()).map(Channel::optionName).collect(Collectors.joining("|"));
        }
    }

    /** What {@code demo-dm}'s arguments ask for; {@code comment}: a comment on a post instead of a DM. */
    record Request(Channel channel, String text, boolean comment) {

        Request(Channel channel, String text) {
            this(channel, text, false);
        }
    }

    /** A request ready to send: its body bytes and their signature. */
    record SignedWebhook(byte[] body, String signature) {
    }

    private DemoDirectMessage() {
    }

    /**
     * {@code [--channel <name>] [text...]} in any order (words without quotes are joined); Instagram and
     * the sample question by default.
     *
     * @throws IllegalArgumentException with a message for the user: an unknown option or channel
     */
    static Request parse(List<String> args) {
        Channel channel = Channel.INSTAGRAM;
        boolean comment = false;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value = null;
            if (arg.equals("--comment")) {
                comment = true;
            } else if (arg.equals("--channel")) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("--channel needs a value: " + Channel.optionNames());
                }
                value = args.get(++i);
            } else if (arg.startsWith("--channel=")) {
                value = arg.substring("--channel=".length());
            } else if (arg.startsWith("--")) {
                throw new IllegalArgumentException("Unknown option " + arg + " (only --channel "
                        + Channel.optionNames() + " and --comment)");
            } else {
                words.add(arg);
            }
            if (value != null) {
                channel = channel(value);
            }
        }
        if (comment && channel == Channel.WHATSAPP) {
            throw new IllegalArgumentException("--comment is for instagram and messenger (WhatsApp has no posts)");
        }
        String text = String.join(" ", words).strip();
        return new Request(channel, text.isEmpty() ? DEFAULT_TEXT : text, comment);
    }

    private static Channel channel(String name) {
        for (Channel channel : Channel.values()) {
            if (channel.optionName().equals(name.toLowerCase(Locale.ROOT))) {
                return channel;
            }
        }
        throw new IllegalArgumentException("Unknown channel '" + name + "': " + Channel.optionNames());
    }

    static SignedWebhook signed(String appSecret, String text, long timestampMillis) {
        return signed(appSecret, Channel.INSTAGRAM, text, timestampMillis);
    }

    static SignedWebhook signed(String appSecret, Channel channel, String text, long timestampMillis) {
        byte[] body = webhookBody(channel, text, timestampMillis);
        return new SignedWebhook(body, WebhookSignature.sign(appSecret, body));
    }

    /**
     * A comment by the demo customer on a post of the demo business: Instagram {@code comments} or a
     * Facebook Page {@code feed} change (item comment, verb add), each with a fresh comment id.
     */
    static SignedWebhook signedComment(String appSecret, Channel channel, String text, long timestampMillis) {
        if (channel == Channel.WHATSAPP) {
            throw new IllegalArgumentException("WhatsApp has no comments");
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("object", channel == Channel.INSTAGRAM ? "instagram" : "page");
        ObjectNode entry = root.putArray("entry").addObject();
        String account = channel == Channel.INSTAGRAM ? DemoBusiness.INSTAGRAM_ACCOUNT_ID
                : DemoBusiness.MESSENGER_PAGE_ID;
        entry.put("id", account);
        entry.put("time", timestampMillis / 1000);
        ObjectNode change = entry.putArray("changes").addObject();
        ObjectNode value = change.putObject("value");
        String commentId = "demo_comment_" + UUID.randomUUID().toString().replace("-", "");
        if (channel == Channel.INSTAGRAM) {
            change.put("field", "comments");
            value.putObject("from").put("id", channel.customer()).put("username", "demo.customer");
            value.putObject("media").put("id", "demo_media_1").put("media_product_type", "FEED");
            value.put("id", commentId);
            value.put("text", text);
        } else {
            change.put("field", "feed");
            String postId = account + "_demo_post_1";
            value.putObject("from").put("id", channel.customer()).put("name", "Demo Customer");
            value.put("item", "comment");
            value.put("verb", "add");
            value.put("comment_id", commentId);
            value.put("post_id", postId);
            value.put("parent_id", postId);
            value.put("message", text);
            value.put("created_time", timestampMillis / 1000);
        }
        try {
            byte[] body = JSON.writeValueAsBytes(root);
            return new SignedWebhook(body, WebhookSignature.sign(appSecret, body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] webhookBody(Channel channel, String text, long timestampMillis) {
        ObjectNode root = switch (channel) {
            case INSTAGRAM -> messaging("instagram", DemoBusiness.INSTAGRAM_ACCOUNT_ID, channel.customer(), text,
                    timestampMillis);
            case MESSENGER -> messaging("page", DemoBusiness.MESSENGER_PAGE_ID, channel.customer(), text,
                    timestampMillis);
            case WHATSAPP -> whatsapp(text, timestampMillis);
        };
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Instagram ({@code instagram}) and Messenger ({@code page}): {@code entry[].messaging[]}, times in ms. */
    private static ObjectNode messaging(String object, String recipientId, String senderId, String text,
            long timestampMillis) {
        ObjectNode root = JSON.createObjectNode();
        root.put("object", object);
        ArrayNode entries = root.putArray("entry");
        ObjectNode entry = entries.addObject();
        entry.put("id", recipientId);
        entry.put("time", timestampMillis);
        ObjectNode event = entry.putArray("messaging").addObject();
        event.putObject("sender").put("id", senderId);
        event.putObject("recipient").put("id", recipientId);
        event.put("timestamp", timestampMillis);
        ObjectNode message = event.putObject("message");
        // Every DM is a new message: a fresh mid, so conversation-service does not de-duplicate it.
        message.put("mid", "m_demo_" + UUID.randomUUID().toString().replace("-", ""));
        message.put("text", text);
        return root;
    }

    /** WhatsApp Cloud API: {@code entry[].changes[].value.messages[]}, the timestamp a string of seconds. */
    private static ObjectNode whatsapp(String text, long timestampMillis) {
        ObjectNode root = JSON.createObjectNode();
        root.put("object", "whatsapp_business_account");
        ObjectNode entry = root.putArray("entry").addObject();
        entry.put("id", DemoBusiness.WHATSAPP_BUSINESS_ACCOUNT_ID);
        ObjectNode change = entry.putArray("changes").addObject();
        ObjectNode value = change.putObject("value");
        value.put("messaging_product", "whatsapp");
        ObjectNode metadata = value.putObject("metadata");
        metadata.put("display_phone_number", DemoBusiness.WHATSAPP_DISPLAY_PHONE_NUMBER.replaceAll("\\D", ""));
        metadata.put("phone_number_id", DemoBusiness.WHATSAPP_PHONE_NUMBER_ID);
        ObjectNode contact = value.putArray("contacts").addObject();
        contact.putObject("profile").put("name", DemoBusiness.WHATSAPP_CUSTOMER_NAME);
        contact.put("wa_id", DemoBusiness.WHATSAPP_CUSTOMER_ID);
        ObjectNode message = value.putArray("messages").addObject();
        message.put("from", DemoBusiness.WHATSAPP_CUSTOMER_ID);
        message.put("id", "wamid.demo_" + UUID.randomUUID().toString().replace("-", ""));
        message.put("timestamp", Long.toString(timestampMillis / 1000));
        message.put("type", "text");
        message.putObject("text").put("body", text);
        change.put("field", "messages");
        return root;
    }

    /** POSTs the signed webhook to {@code webhookUrl}; returns the HTTP status. */
    static int post(String webhookUrl, SignedWebhook webhook) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhookUrl))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, webhook.signature())
                .POST(HttpRequest.BodyPublishers.ofByteArray(webhook.body()))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
