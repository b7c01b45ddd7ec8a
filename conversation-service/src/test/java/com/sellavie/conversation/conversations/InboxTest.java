package com.sellavie.conversation.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.conversation.support.Api;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.conversation.support.Inbound;
import com.sellavie.conversation.support.KafkaEvents;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.events.conversation.ReplyRequestedHistoryMessage;
import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Assignment, labels, notes, unread counts, filters, search and pages of the inbox. */
@ConversationServiceTest
class InboxTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private record Business(UUID id, Api owner, String account) {
        /** The customer's message, recorded (the inbox lists it); returns the conversation id. */
        UUID customerWrites(String sender, String name, String text, Instant at) {
            Inbound.deliver(InboundMessageReceived.newBuilder(Inbound.message(id, account, sender,
                    "mid." + UUID.randomUUID(), text, at)).setSenderName(name).build(), 1);
            String trigger = text;
            return KafkaEvents.awaitFirst(Topics.CONVERSATION_REPLY_REQUESTS.name(), ReplyRequested.class,
                    r -> trigger.equals(r.getTriggerText())).getFirst().value().getConversationId();
        }

        JsonNode conversation(UUID id) {
            return owner.get("/api/conversations/" + id).json();
        }

        List<String> listed(String query) {
            return owner.get("/api/conversations" + query).json().valueStream().map(c -> c.get("id").asString()).toList();
        }
    }

    private Business business() {
        UUID id = UUID.randomUUID();
        Api owner = Api.asOwnerOf(port, id);
        return new Business(id, owner, Inbound.connectChannel(owner));
    }

    @Test
    void unreadCountsTheCustomersMessagesUntilReadAndTheWindowRunsFromTheLastOne() {
        Business b = business();
        Instant last = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        b.customerWrites("igsid-u", "Ada", "first " + UUID.randomUUID(), last.minusSeconds(30));
        UUID id = b.customerWrites("igsid-u", "Ada", "second " + UUID.randomUUID(), last);

        JsonNode before = b.conversation(id);
        assertThat(before.get("unread").asInt()).isEqualTo(2);
        assertThat(Instant.parse(before.get("windowClosesAt").asString())).isEqualTo(last.plus(Duration.ofHours(24)));
        assertThat(before.get("labels")).isEmpty();
        assertThat(before.get("assigneeId").isNull()).isTrue();

        Api.Response read = b.owner().post("/api/conversations/" + id + "/read", "");

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("unread").asInt()).isZero();
        assertThat(b.conversation(id).get("unread").asInt()).isZero();
    }

    @Test
    void assignmentAndLabelsFilterTheInbox() {
        Business b = business();
        UUID me = UUID.randomUUID();
        Api agent = Api.asMemberOf(port, b.id(), me, "AGENT");
        UUID mine = b.customerWrites("igsid-f1", "Ada", "a " + UUID.randomUUID(), Instant.now().minusSeconds(50));
        UUID vip = b.customerWrites("igsid-f2", "Bola", "b " + UUID.randomUUID(), Instant.now().minusSeconds(40));
        UUID closed = b.customerWrites("igsid-f3", "Chidi", "c " + UUID.randomUUID(), Instant.now().minusSeconds(30));

        assertThat(agent.put("/api/conversations/" + mine + "/assignee", "{\"assigneeId\":\"" + me + "\"}")
                .json().get("assigneeId").asString()).isEqualTo(me.toString());
        Api.Response labelled = agent.put("/api/conversations/" + vip + "/labels", "{\"labels\":[\" VIP \",\"wholesale\",\"vip\"]}");
        assertThat(labelled.json().get("labels").valueStream().map(JsonNode::asString)).containsExactly("vip", "wholesale");
        agent.post("/api/conversations/" + closed + "/close", "");
        agent.post("/api/conversations/" + vip + "/takeover", "");

        assertThat(listedBy(agent, "?filter=mine")).containsExactly(vip.toString(), mine.toString());
        assertThat(listedBy(agent, "?filter=unassigned")).containsExactly(closed.toString());
        assertThat(listedBy(agent, "?filter=human")).containsExactly(vip.toString());
        assertThat(listedBy(agent, "?filter=closed")).containsExactly(closed.toString());
        assertThat(listedBy(agent, "?filter=bot")).containsExactly(mine.toString());
        assertThat(listedBy(agent, "?label=VIP")).containsExactly(vip.toString());
        assertThat(listedBy(agent, "?filter=mine&label=wholesale")).containsExactly(vip.toString());
        assertThat(listedBy(agent, "")).containsExactly(closed.toString(), vip.toString(), mine.toString());

        // unassigning
        agent.put("/api/conversations/" + mine + "/assignee", "{\"assigneeId\":null}");
        assertThat(listedBy(agent, "?filter=mine")).containsExactly(vip.toString());
    }

    @Test
    void searchFindsContactNamesAndMessageTextsCaseInsensitively() {
        Business b = business();
        String word = "Ankara" + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100000);
        UUID byText = b.customerWrites("igsid-s1", "Ada", "Do you have " + word + " fabric?", Instant.now().minusSeconds(20));
        UUID byName = b.customerWrites("igsid-s2", "Ngozi Okafor", "hello " + UUID.randomUUID(), Instant.now().minusSeconds(10));
        b.customerWrites("igsid-s3", "Tunde", "50%_off? " + UUID.randomUUID(), Instant.now().minusSeconds(5));

        assertThat(b.listed("?q=" + word.toLowerCase())).containsExactly(byText.toString());
        assertThat(b.listed("?q=okaf")).containsExactly(byName.toString());
        // % and _ are literal characters in a search, not wildcards
        assertThat(b.listed("?q=%25_")).hasSize(1);
        assertThat(b.listed("?q=nothing-like-this")).isEmpty();
        // and the embedded PostgreSQL has pg_trgm, so V5 built the trigram indexes the search can use
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_indexes WHERE indexname IN "
                + "('messages_text_trgm_idx', 'contacts_name_trgm_idx')", Integer.class)).isEqualTo(2);
    }

    @Test
    void pagesFollowTheCursorWithoutSkippingOrRepeatingConversationsOfTheSameTime() {
        Business b = business();
        Instant same = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(b.customerWrites("igsid-p" + i, "P" + i, "page " + i + " " + UUID.randomUUID(), same).toString());
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<String> page = raw(b, "/api/conversations?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            seen.addAll(JsonNodes.ids(page.body()));
            cursor = page.headers().firstValue("X-Next-Cursor").orElse(null);
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(all).doesNotHaveDuplicates();
        assertThat(raw(b, "/api/conversations?limit=5").headers().firstValue("X-Next-Cursor")).isEmpty();
    }

    @Test
    void notesAreInternalNeverSentAndNeverShownToTheAssistant() {
        Business b = business();
        UUID author = UUID.randomUUID();
        Api agent = Api.asMemberOf(port, b.id(), author, "AGENT");
        UUID id = b.customerWrites("igsid-n", "Ada", "first " + UUID.randomUUID(), Instant.now().minusSeconds(20));

        Api.Response note = agent.post("/api/conversations/" + id + "/notes", "{\"text\":\"  VIP, call her back  \"}");

        assertThat(note.status()).isEqualTo(201);
        assertThat(note.json().get("direction").asString()).isEqualTo("INTERNAL");
        assertThat(note.json().get("authorType").asString()).isEqualTo("MEMBER");
        assertThat(note.json().get("authorId").asString()).isEqualTo(author.toString());
        assertThat(note.json().get("text").asString()).isEqualTo("VIP, call her back");
        assertThat(note.json().get("deliveryStatus").isNull()).isTrue();
        assertThat(TenantContext.callAs(b.id(), () -> jdbc.queryForObject("SELECT count(*) FROM messages "
                + "WHERE conversation_id = ? AND next_attempt_at IS NOT NULL", Integer.class, id))).isZero();

        // the customer's next message asks for a reply whose history has no note in it
        String next = "second " + UUID.randomUUID();
        Inbound.deliver(Inbound.message(b.id(), b.account(), "igsid-n", "mid." + UUID.randomUUID(), next, Instant.now()), 1);
        ReplyRequested request = KafkaEvents.awaitFirst(Topics.CONVERSATION_REPLY_REQUESTS.name(), ReplyRequested.class,
                r -> next.equals(r.getTriggerText())).getFirst().value();
        assertThat(request.getHistory()).extracting(ReplyRequestedHistoryMessage::getText)
                .noneMatch(t -> t.contains("call her back"));
    }

    @Test
    void invalidInputIsAProblemAndChangesNothing() {
        Business b = business();
        UUID id = b.customerWrites("igsid-v", "Ada", "hi " + UUID.randomUUID(), Instant.now());
        String base = "/api/conversations/" + id;
        String tooMany = "{\"labels\":[" + String.join(",", java.util.stream.IntStream.range(0, 21)
                .mapToObj(i -> "\"l" + i + "\"").toList()) + "]}";

        List<Api.Response> invalid = List.of(
                b.owner().put(base + "/labels", "{\"labels\":[\"" + "x".repeat(33) + "\"]}"),
                b.owner().put(base + "/labels", "{\"labels\":[\"\"]}"),
                b.owner().put(base + "/labels", tooMany),
                b.owner().put(base + "/assignee", "{\"assigneeId\":\"not-a-uuid\"}"),
                b.owner().post(base + "/notes", "{\"text\":\"   \"}"),
                b.owner().get("/api/conversations?filter=everything"),
                b.owner().get("/api/conversations?cursor=bm9wZQ"));

        assertThat(invalid).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        });
        JsonNode after = b.conversation(id);
        assertThat(after.get("labels")).isEmpty();
        assertThat(after.get("assigneeId").isNull()).isTrue();
        assertThat(b.owner().get(base + "/messages").json()).hasSize(1);
    }

    @Test
    void anotherBusinessCannotOrganiseOrReadAConversation() {
        Business b = business();
        UUID id = b.customerWrites("igsid-x", "Ada", "secret " + UUID.randomUUID(), Instant.now());
        Api stranger = Api.asOwnerOf(port, UUID.randomUUID());
        String base = "/api/conversations/" + id;

        List<Api.Response> probes = List.of(
                stranger.put(base + "/assignee", "{\"assigneeId\":\"" + UUID.randomUUID() + "\"}"),
                stranger.put(base + "/labels", "{\"labels\":[\"mine\"]}"),
                stranger.post(base + "/read", ""),
                stranger.post(base + "/notes", "{\"text\":\"hello\"}"),
                stranger.get(base));

        assertThat(probes).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.body()).doesNotContain("secret", "Ada");
        });
        assertThat(stranger.get("/api/conversations?q=secret").json()).isEmpty();
        JsonNode unchanged = b.conversation(id);
        assertThat(unchanged.get("labels")).isEmpty();
        assertThat(unchanged.get("assigneeId").isNull()).isTrue();
        assertThat(unchanged.get("unread").asInt()).isEqualTo(1);
        assertThat(b.owner().get(base + "/messages").json()).hasSize(1);
    }

    private static List<String> listedBy(Api api, String query) {
        return api.get("/api/conversations" + query).json().valueStream().map(c -> c.get("id").asString()).toList();
    }

    private HttpResponse<String> raw(Business b, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + com.sellavie.platform.test.TestTokens.ownerOf(b.id())).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class JsonNodes {
        static List<String> ids(String body) {
            return tools.jackson.databind.json.JsonMapper.builder().build().readTree(body).valueStream()
                    .map(c -> c.get("id").asString()).toList();
        }
    }
}
