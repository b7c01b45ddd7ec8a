package com.sellavie.ai.reply;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.sellavie.ai.provider.openai.ChatCompletionStubs.chatCompletions;
import static com.sellavie.ai.provider.openai.ChatCompletionStubs.completion;
import static com.sellavie.ai.provider.openai.ChatCompletionStubs.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.sellavie.ai.EventRecords;
import com.sellavie.ai.Fixtures;
import com.sellavie.ai.provider.openai.ChatCompletionStubs;
import com.sellavie.events.ai.HandoffAction;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * ReplyRequested -> reply job -> model call outside any transaction -> ReplyGenerated, through the
 * real broker, registry and database, with an OpenAI-shaped provider on WireMock. Each test tells
 * its requests apart by a marker word in the customer's text, which reaches the stub in the prompt.
 */
@SpringBootTest
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ReplyJobsIntegrationTest {

    private static final String REPLIES = Topics.AI_REPLIES.name();

    @RegisterExtension
    static final WireMockExtension openai = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().containerThreads(60)).build();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("sellavie.ai.providers", () -> "openai");
        registry.add("sellavie.ai.endpoints.openai.base-url", openai::baseUrl);
        registry.add("sellavie.ai.endpoints.openai.api-key", () -> ChatCompletionStubs.KEY);
        registry.add("sellavie.ai.endpoints.openai.timeout", () -> "6s");
        // One stub plays every case here: a refused key is paused briefly and failures never open the
        // breaker, so one test's 401 or 503s do not skip the next test's calls (breakers: ProviderChainFailoverTest).
        registry.add("sellavie.ai.resilience.rejected-key-pause", () -> "1ms");
        registry.add("sellavie.ai.resilience.minimum-number-of-calls", () -> "1000");
        registry.add("sellavie.ai.resilience.sliding-window-size", () -> "1000");
        registry.add("sellavie.ai.retry-initial-interval", () -> "300ms");
        registry.add("sellavie.ai.retry-max-interval", () -> "1s");
        registry.add("sellavie.ai.retry-horizon", () -> "8s");
        registry.add("sellavie.ai.reply-shutdown-grace", () -> "1s");
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ReplyJobScheduler scheduler;
    @Autowired
    ReplyJobRetention retention;

    @Test
    void aRequestDeliveredTwiceCallsTheModelOnceAndIsAnsweredOnce() {
        // Given a model that answers
        String marker = marker();
        openai.stubFor(chatCompletions("").withRequestBody(containing(marker))
                .willReturn(completion("gpt-4o-mini", "Hello from the model")));
        UUID business = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        ReplyRequested request = Fixtures.replyRequested(business, conversation, "hello " + marker);
        String laterMarker = marker();
        openai.stubFor(chatCompletions("").withRequestBody(containing(laterMarker))
                .willReturn(completion("gpt-4o-mini", "Later answer")));
        ReplyRequested later = Fixtures.replyRequested(business, conversation, "and " + laterMarker);

        // When the same request reaches the broker twice, then a later one of the same conversation
        EventRecords.publish(request, conversation.toString(), 2);
        EventRecords.publish(later, conversation.toString(), 1);

        // Then once the later one is answered, the first had one model call and one reply
        List<ConsumerRecord<String, ReplyGenerated>> replies = repliesOf(conversation, later);
        assertThat(replies).filteredOn(r -> r.value().getReplyRequestId().equals(request.getEventId()))
                .singleElement().satisfies(r -> {
                    assertThat(r.value().getText()).isEqualTo("Hello from the model");
                    assertThat(r.value().getProviderName()).isEqualTo("openai");
                    assertThat(r.key()).isEqualTo(conversation.toString());
                });
        assertThat(modelCalls(marker)).isEqualTo(1);
        assertThat(jobStatus(business, request)).isEqualTo("DONE");
    }

    @Test
    void noDatabaseTransactionIsOpenWhileTheModelAnswers() {
        // Given a model that takes 4 s to answer
        String marker = marker();
        openai.stubFor(chatCompletions("").withRequestBody(containing(marker))
                .willReturn(completion("gpt-4o-mini", "Worth the wait").withFixedDelay(4000)));
        UUID business = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        ReplyRequested request = Fixtures.replyRequested(business, conversation, "slow " + marker);

        // When the request is being answered
        EventRecords.publish(request, conversation.toString(), 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> modelCalls(marker) == 1);
        Instant callStarted = openai.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing(marker))).getFirst().getLoggedDate().toInstant();

        // Then for as long as the model works, no session of the service has a transaction open that
        // began before the call
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofMillis(3500))
                .until(() -> transactionsOpenSince(callStarted), List::isEmpty);
        assertThat(repliesOf(conversation, request)).singleElement()
                .satisfies(r -> assertThat(r.value().getText()).isEqualTo("Worth the wait"));
    }

    @Test
    void manyConversationsAreAnsweredAtOnceNotFourAtATime() {
        // Given a model that takes 5 s to answer and 40 conversations of one business asking at once
        String marker = marker();
        openai.stubFor(chatCompletions("").withRequestBody(containing(marker))
                .willReturn(completion("gpt-4o-mini", "Answered in parallel").withFixedDelay(5000)));
        UUID business = UUID.randomUUID();
        List<UUID> conversations = Stream.generate(UUID::randomUUID).limit(40).toList();

        // When their requests arrive
        conversations.forEach(c -> EventRecords.publish(Fixtures.replyRequested(business, c, "hi " + marker),
                c.toString(), 1));

        // Then most model calls start while the first is still running (the old 4 workers started 4), and
        // every conversation gets its reply
        await().atMost(Duration.ofSeconds(30)).until(() -> modelCalls(marker) == conversations.size());
        List<Long> started = openai.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing(marker))).stream().map(r -> r.getLoggedDate().getTime()).sorted().toList();
        assertThat(started).filteredOn(at -> at < started.getFirst() + 4500).hasSizeGreaterThanOrEqualTo(20);
        List<ConsumerRecord<String, ReplyGenerated>> replies = EventRecords.awaitRecords(REPLIES, ReplyGenerated.class,
                r -> conversations.contains(r.getConversationId()), found -> found.size() >= conversations.size());
        assertThat(replies).hasSize(conversations.size())
                .allSatisfy(r -> assertThat(r.value().getText()).isEqualTo("Answered in parallel"));
    }

    @Test
    void aProviderAnswering503IsRetriedLaterWhileAnotherTenantsConversationIsAnswered() {
        // Given a model answering 503 for one conversation (until the test lets it recover), at once for another
        String flaky = marker();
        openai.stubFor(chatCompletions("").withRequestBody(containing(flaky)).inScenario(flaky)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(error(503, "server_error", "overloaded")));
        openai.stubFor(chatCompletions("").withRequestBody(containing(flaky)).inScenario(flaky)
                .whenScenarioStateIs("recovered").willReturn(completion("gpt-4o-mini", "Sorry for the wait")));
        String steady = marker();
        openai.stubFor(chatCompletions("").withRequestBody(containing(steady))
                .willReturn(completion("gpt-4o-mini", "Right away")));
        UUID business = UUID.randomUUID();
        UUID failing = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        ReplyRequested stuck = Fixtures.replyRequested(business, failing, "hi " + flaky);
        // another business's customer: neither another conversation nor another tenant waits for the failing one
        ReplyRequested fine = Fixtures.replyRequested(UUID.randomUUID(), other, "hi " + steady);
        double retriedBefore = replies("retried");

        // When the failing one is requested first, the other right after
        EventRecords.publish(stuck, failing.toString(), 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> modelCalls(flaky) >= 1);
        EventRecords.publish(fine, other.toString(), 1);

        // Then the other is answered while the failing one is still being retried
        assertThat(repliesOf(other, fine)).singleElement()
                .satisfies(r -> assertThat(r.value().getText()).isEqualTo("Right away"));
        await().atMost(Duration.ofSeconds(30)).until(() -> modelCalls(flaky) >= 2);
        assertThat(jobStatus(business, stuck)).isEqualTo("PENDING");
        assertThat(replies("retried") - retriedBefore).isGreaterThanOrEqualTo(1);

        // And once the provider recovers, the failing one is answered too, once
        openai.setScenarioState(flaky, "recovered");
        assertThat(repliesOf(failing, stuck)).singleElement()
                .satisfies(r -> assertThat(r.value().getText()).isEqualTo("Sorry for the wait"));
        assertThat(jobStatus(business, stuck)).isEqualTo("DONE");
    }

    @Test
    void aConversationsRequestsAreAnsweredInOrderEvenWhenTheFirstIsSlow() {
        // Given a model slow on the first message of a conversation, quick on the second
        String first = marker();
        openai.stubFor(chatCompletions("").withRequestBody(containing(first))
                .willReturn(completion("gpt-4o-mini", "First answer").withFixedDelay(2000)));
        String second = marker();
        openai.stubFor(chatCompletions("").withRequestBody(containing(second))
                .willReturn(completion("gpt-4o-mini", "Second answer")));
        UUID business = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        ReplyRequested earlier = Fixtures.replyRequested(business, conversation, "one " + first);
        ReplyRequested later = Fixtures.replyRequested(business, conversation, "two " + second);

        // When both arrive back to back (free workers waiting)
        EventRecords.publish(earlier, conversation.toString(), 1);
        EventRecords.publish(later, conversation.toString(), 1);

        // Then the second waits for the first: replies on the topic in request order
        assertThat(repliesOf(conversation, later)).extracting(r -> r.value().getText())
                .containsExactly("First answer", "Second answer");
    }

    @Test
    void aPermanentProviderErrorFailsTheJobAtOnceAndHandsTheConversationToAPerson(CapturedOutput output) {
        // Given a provider refusing the key
        String marker = marker();
        openai.stubFor(chatCompletions("").withRequestBody(containing(marker))
                .willReturn(error(401, "invalid_request_error", "Incorrect API key provided")));
        UUID business = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        ReplyRequested request = Fixtures.replyRequested(business, conversation, "hello " + marker);
        double failedBefore = replies("failed");

        // When the request is delivered
        EventRecords.publish(request, conversation.toString(), 1);

        // Then a polite apology for the customer, a handoff for the team; no retry; FAILED, ERROR log, metric
        ReplyGenerated handoff = repliesOf(conversation, request).getFirst().value();
        assertThat(handoff.getText()).isEqualTo(
                "Sorry, I can't answer right now. I've passed your message on to the team.");
        assertThat(handoff.getProviderName()).isEqualTo("none");
        assertThat(handoff.getActions()).singleElement().isInstanceOfSatisfying(HandoffAction.class,
                action -> assertThat(action.getReason()).contains("HTTP 401"));
        assertThat(modelCalls(marker)).isEqualTo(1);
        assertThat(jobStatus(business, request)).isEqualTo("FAILED");
        assertThat(replies("failed") - failedBefore).isEqualTo(1);
        assertThat(output).contains("ERROR").contains("Gave up replying to reply job")
                .contains(request.getEventId().toString());
    }

    @Test
    void aFrenchCustomerIsToldInFrenchWhenNoProviderCanAnswer() {
        // Given the only provider refusing its key
        String marker = marker();
        openai.stubFor(chatCompletions("").withRequestBody(containing(marker))
                .willReturn(error(401, "invalid_request_error", "Incorrect API key provided")));
        UUID conversation = UUID.randomUUID();
        ReplyRequested request = Fixtures.replyRequested(UUID.randomUUID(), conversation,
                "Bonjour, vous livrez à Abidjan ? " + marker);

        // When the request is delivered
        EventRecords.publish(request, conversation.toString(), 1);

        // Then the apology is in French, and the conversation goes to a person
        ReplyGenerated handoff = repliesOf(conversation, request).getFirst().value();
        assertThat(handoff.getText()).isEqualTo(
                "Désolé, je ne peux pas vous répondre pour le moment. J'ai transmis votre message à l'équipe.");
        assertThat(handoff.getActions()).singleElement().isInstanceOf(HandoffAction.class);
    }

    @Test
    void aProviderDownPastTheRetryHorizonFailsTheJob() {
        // Given a provider that keeps answering 503 (the test's horizon is 8 s)
        String marker = marker();
        openai.stubFor(chatCompletions("").withRequestBody(containing(marker))
                .willReturn(error(503, "server_error", "overloaded")));
        UUID business = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        ReplyRequested request = Fixtures.replyRequested(business, conversation, "hello " + marker);

        // When the request is delivered
        EventRecords.publish(request, conversation.toString(), 1);

        // Then it was tried several times, with backoff, then handed to a person with an apology
        ReplyGenerated handoff = repliesOf(conversation, request).getFirst().value();
        assertThat(handoff.getActions()).singleElement().isInstanceOf(HandoffAction.class);
        assertThat(handoff.getText()).isEqualTo(
                "Sorry, I can't answer right now. I've passed your message on to the team.");
        assertThat(handoff.getProviderName()).isEqualTo("none");
        assertThat(modelCalls(marker)).isGreaterThan(2);
        assertThat(jobStatus(business, request)).isEqualTo("FAILED");
    }

    @Test
    void aRequestTooOldWhenItsTurnComesIsNotAnsweredByTheModel() {
        // Given a request that waited longer than reply-max-age (10 min) before reaching ai-service
        String marker = marker();
        openai.stubFor(chatCompletions("").withRequestBody(containing(marker))
                .willReturn(completion("gpt-4o-mini", "Too late")));
        UUID business = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        ReplyRequested request = Fixtures.replyRequested(business, conversation, "hello " + marker);
        request.setOccurredAt(Instant.now().minus(Duration.ofMinutes(11)));
        double expiredBefore = replies("expired");

        // When it is delivered
        EventRecords.publish(request, conversation.toString(), 1);

        // Then the model is not called; a person is asked to take over
        ReplyGenerated handoff = repliesOf(conversation, request).getFirst().value();
        assertThat(handoff.getText()).isEmpty();
        assertThat(handoff.getActions()).singleElement().isInstanceOf(HandoffAction.class);
        assertThat(modelCalls(marker)).isZero();
        assertThat(jobStatus(business, request)).isEqualTo("EXPIRED");
        assertThat(replies("expired") - expiredBefore).isEqualTo(1);
    }

    @Test
    void aJobWhoseWorkerDiedIsClaimedAgainWhenItsLeaseRunsOut() {
        // Given a job claimed by an instance that died (its lease still runs for an hour)
        String marker = marker();
        openai.stubFor(chatCompletions("").withRequestBody(containing(marker))
                .willReturn(completion("gpt-4o-mini", "Picked up")));
        UUID business = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        ReplyRequested request = Fixtures.replyRequested(business, conversation, "hello " + marker);
        TenantContext.runAs(business, () -> jdbc.update("INSERT INTO reply_jobs (id, business_id, conversation_id, "
                + "request_id, requested_at, request_avro, request_schema, attempts, lease_owner, lease_until) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, now() + interval '1 hour')", UUID.randomUUID(), business,
                conversation, request.getEventId(), Timestamp.from(request.getOccurredAt()),
                ReplyRequestCodec.encode(request), ReplyRequestCodec.schema(), UUID.randomUUID()));

        // While the lease holds, nobody touches it
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> modelCalls(marker) == 0);

        // When the lease runs out
        TenantContext.runAs(business, () -> jdbc.update(
                "UPDATE reply_jobs SET lease_until = now() - interval '1 second' WHERE request_id = ?",
                request.getEventId()));

        // Then the job is claimed again and answered
        assertThat(repliesOf(conversation, request)).singleElement()
                .satisfies(r -> assertThat(r.value().getText()).isEqualTo("Picked up"));
        assertThat(modelCalls(marker)).isEqualTo(1);
        assertThat(TenantContext.callAs(business, () -> jdbc.queryForObject(
                "SELECT attempts FROM reply_jobs WHERE request_id = ?", Integer.class, request.getEventId())))
                .isEqualTo(2);
    }

    @Test
    void stoppingAbandonsACallLongerThanTheGraceAndLeavesTheJobForTheNextStart() {
        // Given a model call in flight that outlasts the shutdown grace (1 s in this test)
        String marker = marker();
        openai.stubFor(chatCompletions("").withRequestBody(containing(marker)).inScenario(marker)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(completion("gpt-4o-mini", "Abandoned answer").withFixedDelay(4000))
                .willSetStateTo("restarted"));
        openai.stubFor(chatCompletions("").withRequestBody(containing(marker)).inScenario(marker)
                .whenScenarioStateIs("restarted").willReturn(completion("gpt-4o-mini", "Answer after restart")));
        UUID business = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        ReplyRequested request = Fixtures.replyRequested(business, conversation, "hello " + marker);
        EventRecords.publish(request, conversation.toString(), 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> modelCalls(marker) == 1);

        // When the scheduler stops
        long started = System.nanoTime();
        scheduler.stop();
        Duration stopping = Duration.ofNanos(System.nanoTime() - started);

        // Then it stopped within the grace (plus the poller's wake-up), the job is PENDING and unclaimed
        try {
            assertThat(stopping).isLessThan(Duration.ofSeconds(3));
            assertThat(TenantContext.callAs(business, () -> jdbc.queryForMap(
                    "SELECT status, lease_owner FROM reply_jobs WHERE request_id = ?", request.getEventId())))
                    .containsEntry("status", "PENDING").containsEntry("lease_owner", null);
        } finally {
            scheduler.start();
        }

        // And once started again it is answered once: the abandoned call's late answer is dropped
        assertThat(repliesOf(conversation, request)).singleElement()
                .satisfies(r -> assertThat(r.value().getText()).isEqualTo("Answer after restart"));
        await().atMost(Duration.ofSeconds(10)).until(() -> replies("superseded") >= 1);
        assertThat(EventRecords.awaitRecords(REPLIES, ReplyGenerated.class,
                r -> r.getReplyRequestId().equals(request.getEventId()), found -> !found.isEmpty())).hasSize(1);
        assertThat(modelCalls(marker)).isEqualTo(2);
    }

    @Test
    void stoppingLetsACallWithinTheGraceFinishAndPublish() {
        // Given a model call in flight that ends within the shutdown grace
        String marker = marker();
        openai.stubFor(chatCompletions("").withRequestBody(containing(marker))
                .willReturn(completion("gpt-4o-mini", "Just in time").withFixedDelay(600)));
        UUID business = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        ReplyRequested request = Fixtures.replyRequested(business, conversation, "hello " + marker);
        EventRecords.publish(request, conversation.toString(), 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> modelCalls(marker) == 1);

        // When the scheduler stops
        try {
            scheduler.stop();
            // Then the job was finished before stop returned
            assertThat(jobStatus(business, request)).isEqualTo("DONE");
        } finally {
            scheduler.start();
        }
        assertThat(repliesOf(conversation, request)).singleElement()
                .satisfies(r -> assertThat(r.value().getText()).isEqualTo("Just in time"));
        assertThat(modelCalls(marker)).isEqualTo(1);
    }

    @Test
    void aJobWhoseStoredRequestCannotBeReadFailsWithoutBlockingItsConversation() {
        // Given a job whose stored request is garbage, and a request of the same conversation after it
        String marker = marker();
        openai.stubFor(chatCompletions("").withRequestBody(containing(marker))
                .willReturn(completion("gpt-4o-mini", "Still answered")));
        UUID business = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        UUID unreadable = UUID.randomUUID();
        TenantContext.runAs(business, () -> jdbc.update("INSERT INTO reply_jobs (id, business_id, conversation_id, "
                + "request_id, requested_at, request_avro, request_schema) VALUES (?, ?, ?, ?, now(), ?, ?)",
                UUID.randomUUID(), business, conversation, unreadable, new byte[] {(byte) 0xff, 0x01},
                ReplyRequestCodec.schema()));
        ReplyRequested next = Fixtures.replyRequested(business, conversation, "hello " + marker);

        // When the next request arrives
        EventRecords.publish(next, conversation.toString(), 1);

        // Then the unreadable job is FAILED and the next one answered
        assertThat(repliesOf(conversation, next)).extracting(r -> r.value().getText())
                .containsExactly("Still answered");
        assertThat(TenantContext.callAs(business, () -> jdbc.queryForObject(
                "SELECT status FROM reply_jobs WHERE request_id = ?", String.class, unreadable))).isEqualTo("FAILED");
    }

    @Test
    void aRequestRecordedWhileItsConversationsHeadIsInFlightWaitsAndThenBecomesTheHead() {
        // Given a conversation whose first request is being answered slowly
        String first = marker();
        openai.stubFor(chatCompletions("").withRequestBody(containing(first))
                .willReturn(completion("gpt-4o-mini", "Slow answer").withFixedDelay(1500)));
        String second = marker();
        openai.stubFor(chatCompletions("").withRequestBody(containing(second))
                .willReturn(completion("gpt-4o-mini", "Quick answer")));
        UUID business = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        ReplyRequested earlier = Fixtures.replyRequested(business, conversation, "one " + first);
        ReplyRequested later = Fixtures.replyRequested(business, conversation, "two " + second);
        double byIntake = claims("intake");
        double byPoller = claims("poller");
        EventRecords.publish(earlier, conversation.toString(), 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> modelCalls(first) == 1);

        // When the second arrives meanwhile
        EventRecords.publish(later, conversation.toString(), 1);

        // Then it is recorded behind the head, not as a second head
        await().atMost(Duration.ofSeconds(20)).until(() -> isHead(business, later) != null);
        if (jobStatus(business, earlier).equals("PENDING")) {
            assertThat(isHead(business, later)).isFalse();
        }
        // and once the first is answered it becomes the head and is answered too, in order
        assertThat(repliesOf(conversation, later)).extracting(r -> r.value().getText())
                .containsExactly("Slow answer", "Quick answer");
        assertThat(jobStatus(business, later)).isEqualTo("DONE");
        // The first found a worker free and was handed to it by the intake that recorded it (no poll); the
        // second, not claimable then, was claimed by the poller; each had one attempt
        assertThat(claims("intake") - byIntake).isEqualTo(1);
        assertThat(claims("poller") - byPoller).isGreaterThanOrEqualTo(1);
        assertThat(TenantContext.callAs(business, () -> jdbc.queryForList("SELECT attempts FROM reply_jobs "
                + "WHERE request_id IN (?, ?)", Integer.class, earlier.getEventId(), later.getEventId())))
                .containsExactly(1, 1);
    }

    @Test
    void aPendingJobLeftWithoutItsHeadFlagIsFoundAndAnswered(CapturedOutput output) {
        // Given a PENDING job that should be its conversation's head but is not flagged so (a bookkeeping bug)
        String marker = marker();
        openai.stubFor(chatCompletions("").withRequestBody(containing(marker))
                .willReturn(completion("gpt-4o-mini", "Found again")));
        UUID business = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        ReplyRequested request = Fixtures.replyRequested(business, conversation, "hello " + marker);
        TenantContext.runAs(business, () -> jdbc.update("INSERT INTO reply_jobs (id, business_id, conversation_id, "
                + "request_id, requested_at, request_avro, request_schema, head) VALUES (?, ?, ?, ?, now(), ?, ?, false)",
                UUID.randomUUID(), business, conversation, request.getEventId(), ReplyRequestCodec.encode(request),
                ReplyRequestCodec.schema()));
        double repairedBefore = meters.counter("sellavie.ai.reply_jobs.heads_repaired").count();

        // When the scheduler's periodic check runs
        int repaired = scheduler.repairHeads();

        // Then the job is flagged, answered, and the repair is logged and counted
        assertThat(repaired).isGreaterThanOrEqualTo(1);
        assertThat(repliesOf(conversation, request)).extracting(r -> r.value().getText())
                .containsExactly("Found again");
        assertThat(meters.counter("sellavie.ai.reply_jobs.heads_repaired").count()).isGreaterThan(repairedBefore);
        assertThat(output.getAll()).contains("was PENDING with no older job before it but not marked as its "
                + "conversation's head");
    }

    @Test
    void finishedJobsPastRetentionAreDeletedAndOthersKept() {
        // Given, for one business, a DONE job finished 8 days ago, a FAILED one an hour ago and a PENDING one
        UUID business = UUID.randomUUID();
        UUID old = insertJob(business, "DONE", "now() - interval '8 days'");
        UUID recent = insertJob(business, "FAILED", "now() - interval '1 hour'");
        UUID pending = insertJob(business, "PENDING", "NULL");

        // When retention runs (7 days by default)
        int deleted = retention.deleteExpired();

        // Then only the old finished job is gone
        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(TenantContext.callAs(business, () -> jdbc.queryForList(
                "SELECT id FROM reply_jobs WHERE business_id = ?", UUID.class, business)))
                .containsExactlyInAnyOrder(recent, pending).doesNotContain(old);
    }

    private UUID insertJob(UUID business, String status, String finishedAt) {
        UUID id = UUID.randomUUID();
        ReplyRequested request = Fixtures.replyRequested(business, UUID.randomUUID(), "kept for retention");
        // A PENDING job far in the future: nobody claims it during the test.
        TenantContext.runAs(business, () -> jdbc.update("INSERT INTO reply_jobs (id, business_id, conversation_id, "
                + "request_id, requested_at, request_avro, request_schema, status, due_at, finished_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, now() + interval '1 day', " + finishedAt + ")", id, business,
                request.getConversationId(), request.getEventId(), Timestamp.from(request.getOccurredAt()),
                ReplyRequestCodec.encode(request), ReplyRequestCodec.schema(), status));
        return id;
    }

    /** Sessions with a transaction begun before {@code instant} (pid, state, start, query: shown if the await fails). */
    private List<Map<String, Object>> transactionsOpenSince(Instant instant) {
        return jdbc.queryForList("SELECT pid, state, xact_start, query FROM pg_stat_activity "
                + "WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid() "
                + "AND xact_start < ?", Timestamp.from(instant));
    }

    // helpers

    private static String marker() {
        return "m" + UUID.randomUUID().toString().replace("-", "");
    }

    private static int modelCalls(String marker) {
        return openai.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing(marker))).size();
    }

    /** Every reply of the conversation, once the one for {@code last} is there. */
    private static List<ConsumerRecord<String, ReplyGenerated>> repliesOf(UUID conversation, ReplyRequested last) {
        return EventRecords.awaitRecords(REPLIES, ReplyGenerated.class, r -> r.getConversationId().equals(conversation),
                found -> found.stream().anyMatch(r -> r.value().getReplyRequestId().equals(last.getEventId())));
    }

    private String jobStatus(UUID business, ReplyRequested request) {
        return TenantContext.callAs(business, () -> jdbc.queryForObject(
                "SELECT status FROM reply_jobs WHERE request_id = ?", String.class, request.getEventId()));
    }

    private Boolean isHead(UUID business, ReplyRequested request) {
        return TenantContext.callAs(business, () -> jdbc.query("SELECT head FROM reply_jobs WHERE request_id = ?",
                (rs, i) -> rs.getBoolean(1), request.getEventId()).stream().findFirst().orElse(null));
    }

    private double claims(String by) {
        return meters.counter("sellavie.ai.reply_jobs.claimed", "by", by).count();
    }

    private double replies(String outcome) {
        return meters.counter(ReplyJobOutcomes.METRIC, "outcome", outcome).count();
    }
}
