package com.sellavie.conversation.channel;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Asks Meta, with the merchant's token, whether that token controls the account being connected; so a
 * business can never register another business's account id and receive its customers' messages.
 * Refusals are 422 ({@link ChannelProofRefusedException}), logged (never the token) and counted
 * ({@code sellavie.channels.connect_refusals{type,reason}}); Meta unreachable is a 503.
 */
@Component
class OwnershipProof {

    private static final Logger log = LoggerFactory.getLogger(OwnershipProof.class);

    private final GraphApiClient graph;
    private final MeterRegistry meters;

    OwnershipProof(GraphApiClient graph, MeterRegistry meters) {
        this.graph = graph;
        this.meters = meters;
    }

    ProvenAccount prove(ConnectChannel request) {
        try {
            return switch (request.type()) {
                case "INSTAGRAM" -> request.pageId() == null ? instagramLogin(request) : instagramThroughPage(request);
                case "MESSENGER" -> messenger(request);
                case "WHATSAPP" -> whatsapp(request);
                default -> throw new IllegalArgumentException("Unsupported channel type " + request.type());
            };
        } catch (GraphApiClient.Refused refused) {
            throw refusal(request, refused.tokenInvalid() ? ChannelProofRefusedException.TOKEN_INVALID
                    : ChannelProofRefusedException.NO_ACCESS, refused.tokenInvalid()
                    ? "Meta rejected the access token (" + refused.getMessage() + "). Connect again to get a new one."
                    : "Meta refused access with this token: " + refused.getMessage());
        }
    }

    /** Instagram Login token: the token's own account. */
    private ProvenAccount instagramLogin(ConnectChannel request) {
        JsonNode me = graph.get("/me?fields=id,username", request.accessToken());
        // Instagram Login answers "id" (app-scoped) and "user_id" (the account id webhooks carry).
        String id = me.path("id").asString("");
        String userId = me.path("user_id").asString("");
        if (!request.externalId().equals(id) && !request.externalId().equals(userId)) {
            throw mismatch(request, "This token belongs to Instagram account " + id + ", not "
                    + request.externalId() + ".");
        }
        return new ProvenAccount(text(me, "username"), null);
    }

    /** Facebook Login page token: the Page, and the Instagram account linked to it. */
    private ProvenAccount instagramThroughPage(ConnectChannel request) {
        JsonNode me = graph.get("/me?fields=id,name,instagram_business_account%7Bid,username%7D",
                request.accessToken());
        if (!me.path("id").asString("").equals(request.pageId())) {
            throw mismatch(request, "This token is for Page " + me.path("id").asString("?") + ", not Page "
                    + request.pageId() + ".");
        }
        JsonNode account = me.path("instagram_business_account");
        if (!account.path("id").asString("").equals(request.externalId())) {
            throw mismatch(request, "Page " + request.pageId() + " is linked to "
                    + (account.has("id") ? "Instagram account " + account.path("id").asString() : "no Instagram account")
                    + ", not " + request.externalId() + ".");
        }
        return new ProvenAccount(text(account, "username"), null);
    }

    private ProvenAccount messenger(ConnectChannel request) {
        JsonNode me = graph.get("/me?fields=id,name", request.accessToken());
        if (!me.path("id").asString("").equals(request.externalId())) {
            throw mismatch(request, "This token is for Page " + me.path("id").asString("?") + ", not Page "
                    + request.externalId() + ".");
        }
        return new ProvenAccount(text(me, "name"), null);
    }

    /** The number answers with the token, and it is one of the WABA's numbers (the token reads the WABA). */
    private ProvenAccount whatsapp(ConnectChannel request) {
        JsonNode number = graph.get("/" + request.externalId() + "?fields=id,display_phone_number,verified_name",
                request.accessToken());
        if (!number.path("id").asString("").equals(request.externalId())) {
            throw mismatch(request, "Meta answered for phone number " + number.path("id").asString("?")
                    + ", not " + request.externalId() + ".");
        }
        JsonNode numbers = graph.get("/" + request.wabaId() + "/phone_numbers?fields=id", request.accessToken());
        boolean listed = false;
        for (JsonNode listedNumber : numbers.path("data")) {
            listed |= listedNumber.path("id").asString("").equals(request.externalId());
        }
        if (!listed) {
            throw mismatch(request, "Phone number " + request.externalId()
                    + " is not one of WhatsApp Business Account " + request.wabaId() + "'s numbers.");
        }
        return new ProvenAccount(text(number, "verified_name"), text(number, "display_phone_number"));
    }

    private ChannelProofRefusedException mismatch(ConnectChannel request, String detail) {
        return refusal(request, ChannelProofRefusedException.ACCOUNT_MISMATCH, detail);
    }

    private ChannelProofRefusedException refusal(ConnectChannel request, String reason, String detail) {
        meters.counter("sellavie.channels.connect_refusals", "type", request.type(), "reason", reason).increment();
        log.warn("Channel connection refused: {} {} ({}): {}", request.type(), request.externalId(), reason, detail);
        return new ChannelProofRefusedException(reason, detail);
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).asString("");
        return value.isBlank() ? null : value;
    }
}
