package com.sellavie.identity.team;

import static com.sellavie.identity.support.IdentityApi.GOOD_PASSWORD;
import static com.sellavie.identity.support.IdentityApi.newBusinessName;
import static com.sellavie.identity.support.IdentityApi.newEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.events.identity.MemberJoined;
import com.sellavie.events.identity.MemberLeft;
import com.sellavie.events.identity.MemberRoleChanged;
import com.sellavie.events.identity.AccountEmailRequested;
import com.sellavie.identity.support.AccountEmailsTopic;
import com.sellavie.identity.support.IdentityApi;
import com.sellavie.identity.support.IdentityApi.Response;
import com.sellavie.identity.support.IdentityDatabase;
import com.sellavie.identity.support.IdentityIntegrationTest;
import com.sellavie.identity.support.ServedJwks;
import com.sellavie.platform.security.RevocationKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The team over real HTTP with the machine's Redis and the real topic: invite, accept (new and
 * existing users), list, change role, remove, leave, switch business; the OWNER rules, AGENT 403s,
 * another business's ids 404, unusable links 422, and each change's event published once.
 */
@IdentityIntegrationTest
class TeamIntegrationTest {

    @LocalServerPort
    int port;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Autowired
    StringRedisTemplate redis;

    private IdentityApi api;
    private IdentityDatabase database;
    private MembersTopic topic;

    @BeforeEach
    void connect() {
        api = new IdentityApi(port);
        database = new IdentityDatabase(databaseUrl);
        topic = new MembersTopic();
    }

    @AfterEach
    void close() {
        topic.close();
    }

    @Test
    void anInvitedNewUserJoinsIsListedChangesRoleLosesTheOldTokenAndIsRemoved() {
        Owner owner = signUp();
        String email = newEmail();

        Response invited = api.send("POST", "/api/invitations", "{\"email\":\" " + email.toUpperCase() + "\",\"role\":\"AGENT\"}",
                "Authorization", "Bearer " + owner.token);

        assertThat(invited.status()).isEqualTo(201);
        assertThat(invited.cacheControl()).contains("no-store");
        assertThat(invited.text("email")).isEqualTo(email);
        assertThat(invited.text("role")).isEqualTo("AGENT");
        String link = invited.text("acceptLink");
        assertThat(link).matches("http://localhost:8080/invite\\?token=[A-Za-z0-9_-]{43}");
        String token = link.substring(link.indexOf('=') + 1);
        // Only the hash is kept, and the link is never shown again.
        assertThat(database.countWith("SELECT count(*) FROM invitations WHERE token_hash = sha256(convert_to(?, 'UTF8'))",
                token)).isEqualTo(1);
        JsonNode pending = api.get("/api/invitations", owner.token).json().path("invitations");
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).path("email").asString()).isEqualTo(email);
        assertThat(pending.get(0).has("acceptLink")).isFalse();
        assertThat(Duration.between(java.time.Instant.parse(pending.get(0).path("createdAt").asString()),
                java.time.Instant.parse(pending.get(0).path("expiresAt").asString()))).isEqualTo(Duration.ofDays(7));

        Response accepted = api.post("/api/invitations/accept", "{\"token\":\"" + token + "\",\"password\":\"" + GOOD_PASSWORD + "\"}");

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().path("user").path("email").asString()).isEqualTo(email);
        assertThat(accepted.json().path("business").path("id").asString()).isEqualTo(owner.businessId);
        assertThat(accepted.refreshToken()).isPresent();
        String memberId = accepted.json().path("user").path("id").asString();
        String agentToken = accepted.text("accessToken");
        assertThat(api.get("/api/me", agentToken).json().path("role").asString()).isEqualTo("AGENT");
        // The link reached the address: the new account needs no separate verification mail.
        assertThat(ServedJwks.verify(api, agentToken).getClaim("email_verified")).isEqualTo(true);
        assertThat(api.get("/api/invitations", owner.token).json().path("invitations")).isEmpty();

        JsonNode members = api.get("/api/members", agentToken).json().path("members");
        assertThat(members).hasSize(2);
        assertThat(members.get(0).path("userId").asString()).isEqualTo(owner.userId);
        assertThat(members.get(0).path("role").asString()).isEqualTo("OWNER");
        assertThat(members.get(1).path("email").asString()).isEqualTo(email);
        assertThat(members.get(1).path("role").asString()).isEqualTo("AGENT");
        assertThat(members.get(1).path("joinedAt").asString()).isNotBlank();

        Response changed = api.send("PATCH", "/api/members/" + memberId, "{\"role\":\"ADMIN\"}",
                "Authorization", "Bearer " + owner.token);

        assertThat(changed.status()).isEqualTo(204);
        // The old token (role AGENT) dies within seconds: identity's resource-server chain reads the same
        // Redis key every service and the gateway read.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(api.get("/api/me", agentToken).status()).isEqualTo(401));
        assertThat(redis.hasKey(RevocationKeys.member(UUID.fromString(owner.businessId), UUID.fromString(memberId))))
                .isTrue();
        // Their session there ended too: the refresh cookie no longer works.
        assertThat(api.refreshWithCookie(accepted.refreshToken().orElseThrow()).status()).isEqualTo(401);
        String adminToken = awaitLogIn(email);
        assertThat(api.get("/api/me", adminToken).json().path("role").asString()).isEqualTo("ADMIN");

        Response removed = api.send("DELETE", "/api/members/" + memberId, null, "Authorization", "Bearer " + owner.token);

        assertThat(removed.status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(api.get("/api/me", adminToken).status()).isEqualTo(401));
        assertThat(api.get("/api/members", owner.token).json().path("members")).hasSize(1);
        assertThat(database.countWith("SELECT count(*) FROM sessions WHERE user_id = ?::uuid AND revoked_at IS NULL",
                memberId)).isZero();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<ConsumerRecord<String, Object>> events = topic.of(owner.businessId);
            assertThat(events).hasSize(3);
            assertThat(events.get(0).value()).isInstanceOfSatisfying(MemberJoined.class, joined -> {
                assertThat(joined.getUserId().toString()).isEqualTo(memberId);
                assertThat(joined.getRole()).isEqualTo("AGENT");
                assertThat(joined.getInvitedByUserId().toString()).isEqualTo(owner.userId);
            });
            assertThat(events.get(1).value()).isInstanceOfSatisfying(MemberRoleChanged.class, change -> {
                assertThat(change.getRole()).isEqualTo("ADMIN");
                assertThat(change.getPreviousRole()).isEqualTo("AGENT");
                assertThat(change.getChangedByUserId().toString()).isEqualTo(owner.userId);
            });
            assertThat(events.get(2).value()).isInstanceOfSatisfying(MemberLeft.class, left -> {
                assertThat(left.getReason()).isEqualTo("REMOVED");
                assertThat(left.getPreviousRole()).isEqualTo("ADMIN");
            });
            assertThat(events.get(0).value().toString()).doesNotContain(email);
        });
    }

    @Test
    void anExistingUserJoinsOnlyWhenSignedInAsThemAndSwitchesBusiness() {
        Owner first = signUp();
        Owner second = signUp();
        Owner third = signUp();

        String toSecond = invite(first, second.email, "ADMIN");
        Response anonymous = api.post("/api/invitations/accept", "{\"token\":\"" + toSecond + "\"}");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.text("title")).isEqualTo("Sign-in required");
        Response wrongPassword = api.post("/api/invitations/accept",
                "{\"token\":\"" + toSecond + "\",\"password\":\"wrong-Password-1\"}");
        assertThat(wrongPassword.status()).isEqualTo(401);
        Response otherUser = api.send("POST", "/api/invitations/accept", "{\"token\":\"" + toSecond + "\"}",
                "Authorization", "Bearer " + third.token);
        assertThat(otherUser.status()).isEqualTo(401);
        assertThat(members(first)).hasSize(1);

        Response signedIn = api.send("POST", "/api/invitations/accept", "{\"token\":\"" + toSecond + "\"}",
                "Authorization", "Bearer " + second.token);
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.json().path("business").path("id").asString()).isEqualTo(first.businessId);
        // An existing account keeps its own verification state.
        assertThat(ServedJwks.verify(api, signedIn.text("accessToken")).getClaim("email_verified")).isEqualTo(false);

        String toThird = invite(first, third.email, "AGENT");
        // Even the right password is not enough: that would skip the log-in's throttle and second factor.
        Response withPassword = api.post("/api/invitations/accept",
                "{\"token\":\"" + toThird + "\",\"password\":\"" + GOOD_PASSWORD + "\"}");
        assertThat(withPassword.status()).isEqualTo(401);
        assertThat(withPassword.text("title")).isEqualTo("Sign-in required");
        assertThat(members(first)).hasSize(2);
        Response thirdSignedIn = api.send("POST", "/api/invitations/accept", "{\"token\":\"" + toThird + "\"}",
                "Authorization", "Bearer " + third.token);
        assertThat(thirdSignedIn.status()).isEqualTo(200);
        assertThat(members(first)).hasSize(3);

        // The second owner now belongs to two businesses and switches between them.
        JsonNode businesses = api.get("/api/me/businesses", second.token).json().path("businesses");
        assertThat(businesses).hasSize(2);
        assertThat(businesses.get(0).path("id").asString()).isEqualTo(second.businessId);
        assertThat(businesses.get(0).path("current").asBoolean()).isTrue();
        assertThat(businesses.get(1).path("id").asString()).isEqualTo(first.businessId);
        assertThat(businesses.get(1).path("role").asString()).isEqualTo("ADMIN");

        Response switched = api.send("POST", "/api/auth/switch", "{\"businessId\":\"" + first.businessId + "\"}",
                "Authorization", "Bearer " + second.token);

        assertThat(switched.status()).isEqualTo(200);
        assertThat(switched.json().path("business").path("id").asString()).isEqualTo(first.businessId);
        assertThat(switched.refreshToken()).isPresent();
        assertThat(api.get("/api/me", switched.text("accessToken")).json().path("role").asString()).isEqualTo("ADMIN");
        // The session it was called from ended: one live session per device.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(api.get("/api/me", second.token).status()).isEqualTo(401));
        assertThat(api.refreshWithCookie(second.refreshToken).status()).isEqualTo(401);
        assertThat(api.refreshWithCookie(switched.refreshToken().orElseThrow()).json().path("business").path("id")
                .asString()).isEqualTo(first.businessId);
    }

    @Test
    void theLastOwnerCanNeitherBeDemotedNorRemovedNorLeave() {
        Owner owner = signUp();
        String adminToken = join(owner, "ADMIN").text("accessToken");

        Response demoteSelf = api.send("PATCH", "/api/members/" + owner.userId, "{\"role\":\"ADMIN\"}",
                "Authorization", "Bearer " + owner.token);
        Response leave = api.send("DELETE", "/api/members/" + owner.userId, null, "Authorization", "Bearer " + owner.token);
        Response adminRemovesOwner = api.send("DELETE", "/api/members/" + owner.userId, null,
                "Authorization", "Bearer " + adminToken);
        Response adminDemotesOwner = api.send("PATCH", "/api/members/" + owner.userId, "{\"role\":\"AGENT\"}",
                "Authorization", "Bearer " + adminToken);

        assertThat(demoteSelf.status()).isEqualTo(409);
        assertThat(demoteSelf.text("title")).isEqualTo("Last owner");
        assertThat(leave.status()).isEqualTo(409);
        assertThat(adminRemovesOwner.status()).isEqualTo(403);
        assertThat(adminDemotesOwner.status()).isEqualTo(403);
        assertThat(api.get("/api/me", owner.token).json().path("role").asString()).isEqualTo("OWNER");

        // With a second OWNER, the first may leave.
        Response second = join(owner, "OWNER");
        Response left = api.send("DELETE", "/api/members/" + owner.userId, null, "Authorization", "Bearer " + owner.token);
        assertThat(left.status()).isEqualTo(204);
        JsonNode members = members(second.text("accessToken"));
        assertThat(members).hasSize(2);
        assertThat(members.toString()).doesNotContain(owner.userId);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(topic.of(owner.businessId).stream()
                .filter(r -> r.value() instanceof MemberLeft m && m.getReason().equals("LEFT")).count()).isEqualTo(1));
    }

    @Test
    void agentsAndAdminsAreRefusedWhatTheirRoleDoesNotAllow() {
        Owner owner = signUp();
        Response agent = join(owner, "AGENT");
        String agentToken = agent.text("accessToken");
        Response admin = join(owner, "ADMIN");
        String adminToken = admin.text("accessToken");
        String agentId = agent.json().path("user").path("id").asString();
        String adminId = admin.json().path("user").path("id").asString();
        String invitationId = api.send("POST", "/api/invitations", "{\"email\":\"" + newEmail() + "\",\"role\":\"ADMIN\"}",
                "Authorization", "Bearer " + owner.token).text("id");

        assertThat(api.send("POST", "/api/invitations", "{\"email\":\"" + newEmail() + "\",\"role\":\"AGENT\"}",
                "Authorization", "Bearer " + agentToken).status()).isEqualTo(403);
        assertThat(api.get("/api/invitations", agentToken).status()).isEqualTo(403);
        assertThat(api.send("DELETE", "/api/invitations/" + invitationId, null, "Authorization", "Bearer " + agentToken)
                .status()).isEqualTo(403);
        assertThat(api.send("PATCH", "/api/members/" + agentId, "{\"role\":\"ADMIN\"}", "Authorization",
                "Bearer " + agentToken).status()).isEqualTo(403);
        assertThat(api.send("DELETE", "/api/members/" + adminId, null, "Authorization", "Bearer " + agentToken)
                .status()).isEqualTo(403);
        // An ADMIN invites and assigns AGENTs only, and cannot revoke an ADMIN's invitation.
        assertThat(api.send("POST", "/api/invitations", "{\"email\":\"" + newEmail() + "\",\"role\":\"ADMIN\"}",
                "Authorization", "Bearer " + adminToken).status()).isEqualTo(403);
        assertThat(api.send("PATCH", "/api/members/" + agentId, "{\"role\":\"ADMIN\"}", "Authorization",
                "Bearer " + adminToken).status()).isEqualTo(403);
        assertThat(api.send("DELETE", "/api/invitations/" + invitationId, null, "Authorization", "Bearer " + adminToken)
                .status()).isEqualTo(403);
        assertThat(api.send("POST", "/api/invitations", "{\"email\":\"" + newEmail() + "\",\"role\":\"AGENT\"}",
                "Authorization", "Bearer " + adminToken).status()).isEqualTo(201);
        assertThat(database.countWith("SELECT count(*) FROM memberships WHERE business_id = ?::uuid AND role = 'AGENT'",
                owner.businessId)).isEqualTo(1);

        // Anyone may leave.
        assertThat(api.send("DELETE", "/api/members/" + agentId, null, "Authorization", "Bearer " + agentToken)
                .status()).isEqualTo(204);
        assertThat(members(owner)).hasSize(2);
    }

    @Test
    void anotherBusinesssMembersAndInvitationsAreNotFound() {
        Owner owner = signUp();
        Response agent = join(owner, "AGENT");
        String agentId = agent.json().path("user").path("id").asString();
        String invitationId = api.send("POST", "/api/invitations", "{\"email\":\"" + newEmail() + "\",\"role\":\"AGENT\"}",
                "Authorization", "Bearer " + owner.token).text("id");
        Owner stranger = signUp();
        String bearer = "Bearer " + stranger.token;

        List<Response> answers = new ArrayList<>();
        answers.add(api.send("PATCH", "/api/members/" + agentId, "{\"role\":\"ADMIN\"}", "Authorization", bearer));
        answers.add(api.send("DELETE", "/api/members/" + agentId, null, "Authorization", bearer));
        answers.add(api.send("PATCH", "/api/members/" + owner.userId, "{\"role\":\"AGENT\"}", "Authorization", bearer));
        answers.add(api.send("DELETE", "/api/invitations/" + invitationId, null, "Authorization", bearer));
        answers.add(api.send("POST", "/api/auth/switch", "{\"businessId\":\"" + owner.businessId + "\"}",
                "Authorization", bearer));
        answers.add(api.send("DELETE", "/api/members/not-a-uuid", null, "Authorization", bearer));
        answers.add(api.send("DELETE", "/api/invitations/not-a-uuid", null, "Authorization", bearer));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.contentType()).contains("application/problem+json");
            // Nothing about the other business: the same answer as for an id that exists nowhere.
            assertThat(answer.body()).doesNotContain(owner.email)
                    .doesNotContain(agent.json().path("user").path("email").asString());
        });
        Response unknown = api.send("DELETE", "/api/members/" + UUID.randomUUID(), null, "Authorization", bearer);
        assertThat(answers.get(1).json().path("detail")).isEqualTo(unknown.json().path("detail"));
        assertThat(answers.get(1).json().path("title")).isEqualTo(unknown.json().path("title"));
        assertThat(members(stranger)).hasSize(1);
        assertThat(api.get("/api/invitations", stranger.token).json().path("invitations")).isEmpty();
        assertThat(api.get("/api/me/businesses", stranger.token).json().path("businesses")).hasSize(1);
        assertThat(api.get("/api/me", agent.text("accessToken")).json().path("role").asString()).isEqualTo("AGENT");
        assertThat(api.get("/api/invitations", owner.token).json().path("invitations")).hasSize(1);
        // Every endpoint needs a token (but accepting, whose token is the link's).
        assertThat(api.get("/api/members", null).status()).isEqualTo(401);
        assertThat(api.get("/api/invitations", null).status()).isEqualTo(401);
        assertThat(api.get("/api/me/businesses", null).status()).isEqualTo(401);
        assertThat(api.post("/api/auth/switch", "{\"businessId\":\"" + owner.businessId + "\"}").status()).isEqualTo(401);
    }

    @Test
    void expiredUsedAndRevokedLinksAreRefusedWithTheirReason() {
        Owner owner = signUp();
        String used = invite(owner, newEmail(), "AGENT");
        assertThat(accept(used).status()).isEqualTo(200);
        String expired = invite(owner, newEmail(), "AGENT");
        database.update("UPDATE invitations SET expires_at = now() - interval '1 second' "
                + "WHERE token_hash = sha256(convert_to(?, 'UTF8'))", expired);
        String revokedEmail = newEmail();
        Response revokedInvitation = api.send("POST", "/api/invitations",
                "{\"email\":\"" + revokedEmail + "\",\"role\":\"AGENT\"}", "Authorization", "Bearer " + owner.token);
        String revoked = revokedInvitation.text("acceptLink").replaceAll(".*token=", "");
        assertThat(api.send("DELETE", "/api/invitations/" + revokedInvitation.text("id"), null,
                "Authorization", "Bearer " + owner.token).status()).isEqualTo(204);

        Response usedAgain = accept(used);
        Response tooLate = accept(expired);
        Response afterRevocation = accept(revoked);
        Response unknown = accept("A".repeat(43));

        assertThat(usedAgain.status()).isEqualTo(422);
        assertThat(usedAgain.text("reason")).isEqualTo("used");
        assertThat(tooLate.status()).isEqualTo(422);
        assertThat(tooLate.text("reason")).isEqualTo("expired");
        assertThat(afterRevocation.status()).isEqualTo(422);
        assertThat(afterRevocation.text("reason")).isEqualTo("revoked");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(database.usersWithEmail(revokedEmail)).isZero();
        assertThat(members(owner)).hasSize(2);
    }

    @Test
    void badInputIsRefusedWithTheFieldAndNothingWritten() {
        Owner owner = signUp();
        String email = newEmail();

        Response badInvite = api.send("POST", "/api/invitations", "{\"email\":\"not-an-email\",\"role\":\"BOSS\"}",
                "Authorization", "Bearer " + owner.token);
        Response duplicate = api.send("POST", "/api/invitations", "{\"email\":\"" + owner.email + "\",\"role\":\"AGENT\"}",
                "Authorization", "Bearer " + owner.token);
        String token = invite(owner, email, "AGENT");
        Response again = api.send("POST", "/api/invitations", "{\"email\":\"" + email + "\",\"role\":\"AGENT\"}",
                "Authorization", "Bearer " + owner.token);
        Response weakPassword = api.post("/api/invitations/accept", "{\"token\":\"" + token + "\",\"password\":\"short\"}");
        Response badRole = api.send("PATCH", "/api/members/" + owner.userId, "{\"role\":\"KING\"}",
                "Authorization", "Bearer " + owner.token);

        assertThat(badInvite.status()).isEqualTo(400);
        assertThat(badInvite.json().path("errors").has("email")).isTrue();
        assertThat(badInvite.json().path("errors").path("role").asString()).isEqualTo("must be one of OWNER, ADMIN, AGENT");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(again.status()).isEqualTo(409);
        assertThat(weakPassword.status()).isEqualTo(400);
        assertThat(weakPassword.json().path("errors").has("password")).isTrue();
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(database.usersWithEmail(email)).isZero();
        assertThat(database.countWith("SELECT count(*) FROM invitations WHERE business_id = ?::uuid", owner.businessId))
                .isEqualTo(1);
        // The link still works after a refused attempt.
        assertThat(accept(token).status()).isEqualTo(200);
    }

    @Test
    void anInvitationEmailsTheInviteeTheSameAcceptLinkTheInviterSees() {
        Owner owner = signUp();
        String email = newEmail();

        Response invited = api.send("POST", "/api/invitations", "{\"email\":\"" + email + "\",\"role\":\"ADMIN\"}",
                "Authorization", "Bearer " + owner.token);

        assertThat(invited.status()).isEqualTo(201);
        try (AccountEmailsTopic emails = new AccountEmailsTopic()) {
            AccountEmailRequested sent = emails.await(email, "INVITATION", 1);
            assertThat(emails.link(sent)).isEqualTo(invited.text("acceptLink"));
            assertThat(sent.getBusinessId().toString()).isEqualTo(owner.businessId);
            assertThat(sent.getBusinessName()).isNotBlank();
            assertThat(sent.getInviterName()).isEqualTo(owner.email);
            assertThat(sent.getRole()).isEqualTo("ADMIN");
            assertThat(sent.getRecipientUserId()).isNull();
            assertThat(sent.getExpiresAt()).isEqualTo(java.time.Instant.parse(api.get("/api/invitations", owner.token)
                    .json().path("invitations").get(0).path("expiresAt").asString())
                    .truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        }
    }

    private Owner signUp() {
        String email = newEmail();
        Response signedUp = api.signUp(email, GOOD_PASSWORD, newBusinessName());
        assertThat(signedUp.status()).isEqualTo(200);
        return new Owner(email, signedUp.json().path("user").path("id").asString(),
                signedUp.json().path("business").path("id").asString(), signedUp.text("accessToken"),
                signedUp.refreshToken().orElseThrow());
    }

    /** Invites {@code email} and returns the link's token. */
    private String invite(Owner owner, String email, String role) {
        Response invited = api.send("POST", "/api/invitations", "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}",
                "Authorization", "Bearer " + owner.token);
        assertThat(invited.status()).isEqualTo(201);
        return invited.text("acceptLink").replaceAll(".*token=", "");
    }

    private Response accept(String token) {
        return api.post("/api/invitations/accept", "{\"token\":\"" + token + "\",\"password\":\"" + GOOD_PASSWORD + "\"}");
    }

    /** A new user joins {@code owner}'s business as {@code role}: the accept answer (a login's). */
    private Response join(Owner owner, String role) {
        Response accepted = accept(invite(owner, newEmail(), role));
        assertThat(accepted.status()).isEqualTo(200);
        return accepted;
    }

    private JsonNode members(Owner owner) {
        return members(owner.token);
    }

    private JsonNode members(String token) {
        Response answer = api.get("/api/members", token);
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().path("members");
    }

    /** Logs in once the revocation's second has passed (tokens issued in it are refused too). */
    private String awaitLogIn(String email) {
        String[] token = new String[1];
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            token[0] = api.logIn(email, GOOD_PASSWORD).text("accessToken");
            assertThat(api.get("/api/me", token[0]).status()).isEqualTo(200);
        });
        return token[0];
    }

    private record Owner(String email, String userId, String businessId, String token, String refreshToken) {
    }
}
