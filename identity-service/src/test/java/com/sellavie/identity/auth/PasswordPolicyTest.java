package com.sellavie.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private static final String EMAIL = "owner@example.com";

    @ParameterizedTest
    @ValueSource(strings = {"linen-shirts", "LinenShirts9", "correct horse battery", "12345678901a", "ÉtéàParis123",
            "pass phrase with spaces"})
    void acceptsTwelveCharactersOrMoreOfAtLeastTwoKinds(String password) {
        assertThat(PasswordPolicy.problem(password, EMAIL)).isEmpty();
    }

    @Test
    void refusesFewerThanTwelveCharacters() {
        assertThat(PasswordPolicy.problem("Linen-Shirt", EMAIL)).hasValue("must be at least 12 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "Password1234", "qwertyuiop123", " 1q2w3e4r5t6y "})
    void refusesCommonAndLeakedPasswordsWhateverTheirCase(String password) {
        assertThat(PasswordPolicy.problem(password, EMAIL)).get().asString().contains("too common");
    }

    @Test
    void shipsTheWholeCommonPasswordList() {
        assertThat(CommonPasswords.size()).isEqualTo(49_233);
    }

    @Test
    void countsCharactersNotUtf16Units() {
        // "a" and 10 emoji: 21 UTF-16 units, but 11 characters; one emoji more makes 12.
        assertThat(PasswordPolicy.problem("a" + "😀".repeat(10), EMAIL)).hasValue("must be at least 12 characters");
        assertThat(PasswordPolicy.problem("a" + "😀".repeat(11), EMAIL)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefghijkm", "ABCDEFGHIJKM", "123456789015", "!@#$%^&*()_+"})
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
