package com.sellavie.systemtests.journey;

import com.sellavie.systemtests.stack.SellavieStack;
import com.sellavie.systemtests.stack.SellavieStackExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Accounts in a real browser against the whole stack: {@code web/e2e/accounts-journey.mjs} signs a
 * merchant up, confirms the address from the verification mail the stack really sent (read from the mail
 * catcher), turns on two-factor authentication (codes computed from the key the page shows), logs in
 * again with a code, invites a member as Agent, who accepts from the mailed link in a second browser and
 * sees the console as an Agent, and last reads the owner's activity log: the sign-ins, 2FA turned on, the
 * invitation and the member joining, with their times. Chromium, Node, {@code web/node_modules} and the
 * built console are prerequisites: missing, the test fails with the fix, it does not skip.
 */
@ExtendWith(SellavieStackExtension.class)
class AccountsBrowserJourneyIT {

    /** The script's own waits: two mails (60 s each), up to 30 s for a fresh code, the activity log (60 s). */
    private static final Duration BROWSER_TIMEOUT = Duration.ofMinutes(5);

    @Test
    void aMerchantSignsUpVerifiesTheEmailTurnsOnTwoFactorLogsInWithACodeInvitesAnAgentWhoJoinsAndSeesItInTheActivityLog(
            SellavieStack stack) throws Exception {
        // Given Node, playwright-core, Debian's chromium, the built console the gateway serves and the mail catcher
        BrowserJourney journey = BrowserJourney.prepare(stack, "accounts-journey.mjs", "browser-accounts",
                "browser-accounts.log");

        // When the accounts journey runs in the browser
        // Then every step showed what it should (the script fails at the first one that did not)
        journey.run(Map.of("SELLAVIE_E2E_MAIL_URL", stack.mail().webUrl()), BROWSER_TIMEOUT);
    }
}
