package com.sellavie.identity.business;

import static com.sellavie.identity.support.IdentityApi.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.events.identity.BusinessUpdated;
import com.sellavie.identity.support.BusinessesTopic;
import com.sellavie.identity.support.IdentityApi;
import com.sellavie.identity.support.IdentityApi.Response;
import com.sellavie.identity.support.IdentityDatabase;
import com.sellavie.identity.support.IdentityIntegrationTest;
import com.sellavie.identity.support.TestBusinesses;
import com.sellavie.identity.support.TestBusinesses.Member;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET/PUT /api/business} over real HTTP with the real topic: an edit is saved, published whole as
 * {@code BusinessUpdated} once, shows in {@code /api/me}, log-in and the activity log; an edit that
 * changes nothing, an invalid one or an AGENT's publishes nothing and changes nothing; another
 * business is never touched.
 */
@IdentityIntegrationTest
class BusinessProfileIntegrationTest {

    private static final String FULL_PROFILE = """
            {"name":"  Ada Linen Lagos ","timeZone":"Africa/Lagos","language":"pt-br","country":"ng",
             "contactEmail":" Hello@AdaLinen.example ","logoUrl":"https://cdn.example.com/ada/logo.png"}""";

    @LocalServerPort
    int port;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    private IdentityApi api;
    private TestBusinesses businesses;
    private BusinessesTopic topic;

    @BeforeEach
    void connect() {
        api = new IdentityApi(port);
        businesses = new TestBusinesses(api);
        topic = new BusinessesTopic();
    }

    @AfterEach
    void close() {
        topic.close();
    }

    @Test
    void anOwnerSavesTheProfileWhichIsPublishedWholeOnceAndShownEverywhere() {
        Member owner = businesses.signUp();

        Response saved = api.send("PUT", "/api/business", FULL_PROFILE, "Authorization", owner.bearer());

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.text("name")).isEqualTo("Ada Linen Lagos");
        assertThat(saved.text("timeZone")).isEqualTo("Africa/Lagos");
        assertThat(saved.text("language")).isEqualTo("pt-BR");
        assertThat(saved.text("country")).isEqualTo("NG");
        assertThat(saved.text("contactEmail")).isEqualTo("hello@adalinen.example");
        assertThat(saved.text("logoUrl")).isEqualTo("https://cdn.example.com/ada/logo.png");
        Response read = api.get("/api/business", owner.token());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(saved.json());

        BusinessUpdated event = awaitUpdates(owner, 1).getFirst();
        assertThat(event.getBusinessId().toString()).isEqualTo(owner.businessId());
        assertThat(event.getName()).isEqualTo("Ada Linen Lagos");
        assertThat(event.getTimeZone()).isEqualTo("Africa/Lagos");
        assertThat(event.getLanguage()).isEqualTo("pt-BR");
        assertThat(event.getCountry()).isEqualTo("NG");
        assertThat(event.getContactEmail()).isEqualTo("hello@adalinen.example");
        assertThat(event.getLogoUrl()).isEqualTo("https://cdn.example.com/ada/logo.png");
        assertThat(event.getUpdatedByUserId().toString()).isEqualTo(owner.userId());

        // The name follows in /api/me and the next log-in's answer.
        assertThat(api.get("/api/me", owner.token()).json().path("business").path("name").asString())
                .isEqualTo("Ada Linen Lagos");
        assertThat(api.logIn(owner.email(), GOOD_PASSWORD).json().path("business").path("name").asString())
                .isEqualTo("Ada Linen Lagos");
    }

    @Test
    void savingTheSameProfileAgainPublishesNothing() {
        Member owner = businesses.signUp();
        assertThat(api.send("PUT", "/api/business", FULL_PROFILE, "Authorization", owner.bearer()).status()).isEqualTo(200);
        assertThat(api.send("PUT", "/api/business", FULL_PROFILE, "Authorization", owner.bearer()).status()).isEqualTo(200);

        // A later real change is the second and last event: the repeat published none.
        assertThat(api.send("PUT", "/api/business", "{\"name\":\"Renamed Linen\"}", "Authorization", owner.bearer())
                .status()).isEqualTo(200);

        List<BusinessUpdated> events = awaitUpdates(owner, 2);
        assertThat(events).extracting(BusinessUpdated::getName).containsExactly("Ada Linen Lagos", "Renamed Linen");
        // Fields left out are cleared: the request is the whole profile.
        assertThat(events.get(1).getTimeZone()).isNull();
        assertThat(events.get(1).getLogoUrl()).isNull();
    }

    @Test
    void invalidFieldsAreAllNamedAndNothingChangesOrIsPublished() {
        Member owner = businesses.signUp();
        Response before = api.get("/api/business", owner.token());

        Response refused = api.send("PUT", "/api/business", """
                {"name":" ","timeZone":"Mars/Olympus","language":"xx-123456789","country":"ZZ",
                 "contactEmail":"not-an-email","logoUrl":"http://cdn.example.com/logo.png"}""",
                "Authorization", owner.bearer());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").propertyNames())
                .containsExactlyInAnyOrder("name", "timeZone", "language", "country", "contactEmail", "logoUrl");
        assertThat(refused.body()).doesNotContain("Mars/Olympus").doesNotContain("not-an-email");
        Response tooLong = api.send("PUT", "/api/business",
                "{\"name\":\"Ada\",\"logoUrl\":\"https://cdn.example.com/" + "a".repeat(2100) + "\"}",
                "Authorization", owner.bearer());
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("errors").path("logoUrl").asString()).contains("2048");
        assertThat(api.send("PUT", "/api/business", "not json", "Authorization", owner.bearer()).status())
                .isEqualTo(400);
        assertThat(api.get("/api/business", owner.token()).json()).isEqualTo(before.json());

        assertThat(api.send("PUT", "/api/business", "{\"name\":\"Valid Linen\"}", "Authorization", owner.bearer())
                .status()).isEqualTo(200);
        assertThat(awaitUpdates(owner, 1)).extracting(BusinessUpdated::getName).containsExactly("Valid Linen");
    }

    @Test
    void anAgentReadsButCannotEditAndAnAdminCan() {
        Member owner = businesses.signUp();
        Member agent = businesses.join(owner, "AGENT");
        Member admin = businesses.join(owner, "ADMIN");

        assertThat(api.get("/api/business", agent.token()).status()).isEqualTo(200);
        Response refused = api.send("PUT", "/api/business", "{\"name\":\"Agent Was Here\"}", "Authorization", agent.bearer());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(api.get("/api/business", owner.token()).text("name")).isNotEqualTo("Agent Was Here");

        assertThat(api.send("PUT", "/api/business", "{\"name\":\"Admin Linen\"}", "Authorization", admin.bearer())
                .status()).isEqualTo(200);
        List<BusinessUpdated> events = awaitUpdates(owner, 1);
        assertThat(events).extracting(BusinessUpdated::getName).containsExactly("Admin Linen");
        assertThat(events.getFirst().getUpdatedByUserId().toString()).isEqualTo(admin.userId());
        assertThat(api.get("/api/business", null).status()).isEqualTo(401);
    }

    @Test
    void anEditChangesOnlyTheTokensBusiness() {
        Member a = businesses.signUp();
        Member b = businesses.signUp();
        String aName = api.get("/api/business", a.token()).text("name");

        assertThat(api.send("PUT", "/api/business", "{\"name\":\"Only B Changed\"}", "Authorization", b.bearer())
                .status()).isEqualTo(200);

        assertThat(api.get("/api/business", a.token()).text("name")).isEqualTo(aName);
        assertThat(api.get("/api/business", b.token()).text("name")).isEqualTo("Only B Changed");
        assertThat(api.get("/api/business", b.token()).text("id")).isEqualTo(b.businessId());
        assertThat(new IdentityDatabase(databaseUrl).countWith("SELECT count(*) FROM businesses WHERE id = ?::uuid "
                + "AND name = 'Only B Changed'", a.businessId())).isZero();
    }

    @Test
    void anEditShowsInTheActivityLogWithWhoAndFromWhere() {
        Member owner = businesses.signUp();

        assertThat(api.send("PUT", "/api/business", "{\"name\":\"Logged Linen\",\"timeZone\":\"Europe/Paris\"}",
                "Authorization", owner.bearer(), "User-Agent", "ProfileTest/1.0").status()).isEqualTo(200);

        Response activity = api.get("/api/activity?category=SETTINGS", owner.token());
        assertThat(activity.status()).isEqualTo(200);
        assertThat(activity.json().path("items")).hasSize(1);
        var item = activity.json().path("items").get(0);
        assertThat(item.path("kind").asString()).isEqualTo("BUSINESS_PROFILE_UPDATED");
        assertThat(item.path("actorUserId").asString()).isEqualTo(owner.userId());
        assertThat(item.path("actorEmail").asString()).isEqualTo(owner.email());
        assertThat(item.path("ip").asString()).isEqualTo(api.clientAddress());
        assertThat(item.path("userAgent").asString()).isEqualTo("ProfileTest/1.0");
        assertThat(item.path("subject").asString()).isEqualTo("name, timeZone");
    }

    /** The business's BusinessUpdated events once {@code count} arrived (in order). */
    private List<BusinessUpdated> awaitUpdates(Member owner, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> updates(owner).size() >= count);
        return updates(owner);
    }

    private List<BusinessUpdated> updates(Member owner) {
        return topic.poll().stream()
                .filter(record -> owner.businessId().equals(record.key()))
                .map(ConsumerRecord::value)
                .filter(BusinessUpdated.class::isInstance).map(BusinessUpdated.class::cast)
                .toList();
    }
}
