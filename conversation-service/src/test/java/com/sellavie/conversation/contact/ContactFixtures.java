package com.sellavie.conversation.contact;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.sellavie.conversation.support.Api;
import com.sellavie.conversation.support.ConversationTestInfrastructure;
import com.sellavie.conversation.support.Inbound;
import com.sellavie.conversation.support.KafkaEvents;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.schemas.Topics;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Contacts made by a customer's first message, and Graph profile stubs shaped like Meta's answers. */
public final class ContactFixtures {

    private ContactFixtures() {
    }

    public record Customer(UUID business, Api api, UUID conversationId, UUID contactId, String externalId) {

        public JsonNode contact() {
            return api.get("/api/contacts/" + contactId).json();
        }

        public JsonNode conversation() {
            return api.get("/api/conversations").json().valueStream()
                    .filter(c -> c.get("id").asString().equals(conversationId.toString())).findFirst().orElseThrow();
        }
    }

    /** A business with an Instagram account, and a customer {@code igsid} who wrote to it. */
    public static Customer instagramCustomer(int port, String igsid) {
        UUID business = UUID.randomUUID();
        Api api = Api.asOwnerOf(port, business);
        String account = Inbound.connectChannel(api);
        String tag = UUID.randomUUID().toString();
        Inbound.deliver(Inbound.message(business, account, igsid, "mid." + tag, "hello " + tag, Instant.now()), 1);
        ReplyRequested request = KafkaEvents.awaitFirst(Topics.CONVERSATION_REPLY_REQUESTS.name(), ReplyRequested.class,
                r -> ("hello " + tag).equals(r.getTriggerText())).getFirst().value();
        return new Customer(business, api, request.getConversationId(), request.getContactId(), igsid);
    }

    /** {@code GET /v23.0/{userId}} with the channel's token in the Authorization header. */
    static MappingBuilder profileOf(String userId) {
        return get(urlPathEqualTo("/v23.0/" + userId)).withHeader("Authorization", equalTo("Bearer " + Inbound.TOKEN));
    }

    static int profileCalls(String userId) {
        return ConversationTestInfrastructure.GRAPH.findAll(getRequestedFor(urlPathEqualTo("/v23.0/" + userId))).size();
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** Instagram's user profile answer ({@code fields=name,username,profile_pic}). */
    static ResponseDefinitionBuilder instagramProfile(String igsid, String name, String username) {
        return json(200, "{\"name\":\"" + name + "\",\"username\":\"" + username + "\",\"profile_pic\":"
                + "\"https://scontent.cdninstagram.com/v/t51.2885-19/" + username + ".jpg\",\"id\":\"" + igsid + "\"}");
    }

    /** Graph's error 190: the access token is invalid or expired. */
    static ResponseDefinitionBuilder tokenInvalid() {
        return json(400, "{\"error\":{\"message\":\"Error validating access token: Session has expired.\","
                + "\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":463,\"fbtrace_id\":\"AbCdEf123\"}}");
    }
}
