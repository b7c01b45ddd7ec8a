package com.sellavie.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailTemplatesTest {

    private final EmailTemplates templates = new EmailTemplates(new EmailConfiguration().emailTemplateEngine());

    @Test
    void everyKindIdentitySendsHasEnglishAndFrenchTemplates() {
        for (String kind : new String[] {"EMAIL_VERIFICATION", "PASSWORD_RESET", "INVITATION", "ACCOUNT_EXISTS"}) {
            assertThat(templates.knows(kind)).as(kind).isTrue();
            assertThat(templates.languageFor("fr", kind)).as(kind).isEqualTo("fr");
        }
    }

    @Test
    void aLocaleWithoutTemplatesOrNoneFallsBackToEnglish() {
        assertThat(templates.languageFor("fr-CA", "PASSWORD_RESET")).isEqualTo("fr");
        assertThat(templates.languageFor("fr_FR", "PASSWORD_RESET")).isEqualTo("fr");
        assertThat(templates.languageFor("yo-NG", "PASSWORD_RESET")).isEqualTo("en");
        assertThat(templates.languageFor(null, "PASSWORD_RESET")).isEqualTo("en");
        assertThat(templates.languageFor("not a tag!", "PASSWORD_RESET")).isEqualTo("en");
    }

    @Test
    void unknownKindsAndKindsThatAreNotPlainNamesHaveNoTemplates() {
        assertThat(templates.knows("LOGIN_ALERT")).isFalse();
        assertThat(templates.knows("../en/INVITATION")).isFalse();
        assertThat(templates.knows("invitation")).isFalse();
    }

    @Test
    void rendersTheSubjectFromTheTextTemplatesFirstLineAndTheExpiryInTheLanguage() {
        ComposedEmail mail = templates.render("PASSWORD_RESET", "fr", Map.of("expiresAt", "2026-12-01T18:30:00Z"),
                "https://console.example/reset-password?token=abc&x=1");

        assertThat(mail.subject()).isEqualTo("Réinitialisez votre mot de passe Sellavie");
        assertThat(mail.text()).startsWith("Bonjour,").contains("https://console.example/reset-password?token=abc&x=1")
                .contains("2026").contains("UTC");
        assertThat(mail.html()).contains("href=\"https://console.example/reset-password?token=abc&amp;x=1\"");
    }

    @Test
    void anAccountExistsMailWithoutALinkHasNoButton() {
        ComposedEmail mail = templates.render("ACCOUNT_EXISTS", "en", Map.of(), null);

        assertThat(mail.subject()).isEqualTo("You already have a Sellavie account");
        assertThat(mail.text()).contains("sign in instead.").doesNotContain("null");
        assertThat(mail.html()).doesNotContain("href");
    }

    @Test
    void anInvitationWithoutNamesStillReads() {
        ComposedEmail mail = templates.render("INVITATION", "en", Map.of(), "https://c.example/invite?token=t");

        assertThat(mail.subject()).isEqualTo("Someone invited you to a business on Sellavie");
    }

    @Test
    void theQueueRefusesAKindWithoutTemplates() {
        EmailQueue queue = new EmailQueue(null, templates);
        assertThatIllegalArgumentException().isThrownBy(() -> queue.enqueue(new EmailRequest(
                java.util.UUID.randomUUID(), java.util.UUID.randomUUID(), "LOGIN_ALERT", "a@example.com", null, null,
                Map.of(), null))).withMessageContaining("LOGIN_ALERT");
    }
}
