package com.sellavie.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private static final String EMAIL = "owner@example.com";

    @ParameterizedTest
    @ValueSource(strings = {"linen-shirts", "Linenshirts", "correct horse battery", "1234567890a", "ÉtéàParis1",
            "pass phrase with spaces"})
    void acceptsTenCharactersOrMoreOfAtLeastTwoKinds(String password) {
        assertThat(PasswordPolicy.problem(password, EMAIL)).isEmpty();
    }

    @Test
    void refusesFewerThanTenCharacters() {
        assertThat(PasswordPolicy.problem("Linen-123", EMAIL)).hasValue("must be at least 10 characters");
    }

    @Test
    void countsCharactersNotUtf16Units() {
        // "a" and 8 emoji: 17 UTF-16 units, but 9 characters; one emoji more makes 10.
        assertThat(PasswordPolicy.problem("a" + "😀".repeat(8), EMAIL)).hasValue("must be at least 10 characters");
        assertThat(PasswordPolicy.problem("a" + "😀".repeat(9), EMAIL)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefghijkl", "ABCDEFGHIJKL", "123456789012", "!@#$%^&*()_+"})
    void refusesASingleKindOfCharacter(String password) {
        assertThat(PasswordPolicy.problem(password, EMAIL)).get().asString().contains("two kinds of characters");
    }

    @Test
    void refusesMoreThanBcryptReads() {
        assertThat(PasswordPolicy.problem("Aa1" + "x".repeat(69), EMAIL)).isEmpty();
        assertThat(PasswordPolicy.problem("Aa1" + "x".repeat(70), EMAIL)).hasValue("must be at most 72 bytes (UTF-8)");
        // 36 two-byte characters are 72 bytes; one more is over.
        assertThat(PasswordPolicy.problem("A" + "é".repeat(36), EMAIL)).hasValue("must be at most 72 bytes (UTF-8)");
    }

    @Test
    void refusesTheEmailAddressItself() {
        assertThat(PasswordPolicy.problem("Owner@Example.com", EMAIL)).hasValue("must not be your email address");
    }

    @Test
    void requiresAPassword() {
        assertThat(PasswordPolicy.problem(null, EMAIL)).hasValue("is required");
        assertThat(PasswordPolicy.problem("", EMAIL)).hasValue("is required");
    }
}
