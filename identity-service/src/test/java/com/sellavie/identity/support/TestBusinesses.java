package com.sellavie.identity.support;

import static com.sellavie.identity.support.IdentityApi.GOOD_PASSWORD;
import static com.sellavie.identity.support.IdentityApi.newBusinessName;
import static com.sellavie.identity.support.IdentityApi.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.identity.support.IdentityApi.Response;

/** Businesses and members made through the real API, for tests that need an owner or an agent. */
public final class TestBusinesses {

    private final IdentityApi api;

    public TestBusinesses(IdentityApi api) {
        this.api = api;
    }

    /** A new business and its OWNER (signed up, so logged in). */
    public Member signUp() {
        String email = newEmail();
        Response signedUp = api.signUp(email, GOOD_PASSWORD, newBusinessName());
        assertThat(signedUp.status()).as("signed up, then logged in").isEqualTo(200);
        return member(email, signedUp);
    }

    /** A new user invited by {@code owner} as {@code role}, who accepted and is logged in to that business. */
    public Member join(Member owner, String role) {
        String email = newEmail();
        Response invited = api.send("POST", "/api/invitations", "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}",
                "Authorization", "Bearer " + owner.token());
        assertThat(invited.status()).isEqualTo(201);
        String token = invited.text("acceptLink").replaceAll(".*token=", "");
        Response accepted = api.post("/api/invitations/accept",
                "{\"token\":\"" + token + "\",\"password\":\"" + GOOD_PASSWORD + "\"}");
        assertThat(accepted.status()).isEqualTo(200);
        return member(email, accepted);
    }

    private static Member member(String email, Response loggedIn) {
        return new Member(email, loggedIn.json().path("user").path("id").asString(),
                loggedIn.json().path("business").path("id").asString(), loggedIn.text("accessToken"));
    }

    /** A member with a live access token for {@code businessId}. */
    public record Member(String email, String userId, String businessId, String token) {

        public String bearer() {
            return "Bearer " + token;
        }
    }
}
