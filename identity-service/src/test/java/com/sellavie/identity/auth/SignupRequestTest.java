package com.sellavie.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.identity.auth.AuthRequests.SignupRequest;
import com.sellavie.identity.auth.AuthRequests.ValidSignup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignupRequestTest {

    private static final String PASSWORD = "linen-Shirts-2026";

    @Test
    void normalisesTheEmailAndTrimsTheBusinessName() {
        ValidSignup signup = new SignupRequest("  Ada.Obi@Example.COM ", PASSWORD, "  Ada's Linen  ").validate();

        assertThat(signup.email()).isEqualTo("ada.obi@example.com");
        assertThat(signup.businessName()).isEqualTo("Ada's Linen");
        assertThat(signup.password()).isEqualTo(PASSWORD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a@b", "@example.com", "a@@example.com", "a b@example.com", "a@example..com",
            ".a@example.com", "a.@example.com", "a@-example.com", "a@example.c0m-"})
    void refusesMalformedEmails(String email) {
        assertThat(errorsOf(new SignupRequest(email, PASSWORD, "Ada's Linen"))).containsOnlyKeys("email");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@example.com", "first.last+tag@sub.example.co.uk", "o'brien@example.ng"})
    void acceptsOrdinaryEmails(String email) {
        assertThat(new SignupRequest(email, PASSWORD, "Ada's Linen").validate().email()).isEqualTo(email);
    }

    @Test
    void refusesAnEmailWithATooLongMailbox() {
        assertThat(errorsOf(new SignupRequest("a".repeat(65) + "@example.com", PASSWORD, "Ada's Linen")))
                .containsOnlyKeys("email");
    }

    @Test
    void businessNameIsTwoToOneHundredTwentyCharacters() {
        assertThat(new SignupRequest("a@example.com", PASSWORD, "Ab").validate().businessName()).isEqualTo("Ab");
        assertThat(new SignupRequest("a@example.com", PASSWORD, "x".repeat(120)).validate()).isNotNull();
        assertThat(errorsOf(new SignupRequest("a@example.com", PASSWORD, " A "))).containsOnlyKeys("businessName");
        assertThat(errorsOf(new SignupRequest("a@example.com", PASSWORD, "x".repeat(121))))
                .containsOnlyKeys("businessName");
        assertThat(errorsOf(new SignupRequest("a@example.com", PASSWORD, "Tab\there")))
                .containsEntry("businessName", "must not contain control characters");
    }

    @Test
    void reportsEveryMissingFieldAtOnce() {
        assertThat(errorsOf(new SignupRequest(null, null, null)))
                .containsEntry("email", "is required")
                .containsEntry("password", "is required")
                .containsEntry("businessName", "is required");
    }

    @Test
    void neverShowsThePasswordInItsDescription() {
        assertThat(new SignupRequest("a@example.com", PASSWORD, "Ab").toString()).doesNotContain(PASSWORD);
        assertThat(new SignupRequest("a@example.com", PASSWORD, "Ab").validate().toString()).doesNotContain(PASSWORD);
    }

    private static java.util.Map<String, String> errorsOf(SignupRequest request) {
        try {
            request.validate();
        } catch (InvalidInputException e) {
            return e.fieldErrors();
        }
        throw new AssertionError("accepted: " + request);
    }
}
