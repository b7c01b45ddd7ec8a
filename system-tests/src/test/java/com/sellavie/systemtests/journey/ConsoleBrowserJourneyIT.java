package com.sellavie.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.systemtests.stack.MetaGraphApi;
import com.sellavie.systemtests.stack.SellavieStack;
import com.sellavie.systemtests.stack.SellavieStackExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web console in a real browser against the whole stack: {@code web/e2e/console-journey.mjs}
 * (playwright-core driving Debian's chromium) signs up through the console, finds connecting refused
 * until it opens the verification link the mail catcher received, connects an Instagram
 * channel, sees the empty inbox, posts a signed DM webhook, and sees the conversation appear without
 * a reload, then the DM and the assistant's reply in it; then a reply whose delivery is UNKNOWN (Meta
 * answered too late) is found under "Needs attention" and marked delivered; then the first conversation
 * is taken over, answered from the composer (Sent), stays unanswered by the assistant when the customer
 * writes during the takeover, and after the release the assistant answers again; then its contact is renamed
 * with notes in the contact editor (a blank name refused, nothing saved) and the inbox lists the new name; then
 * the merchant writes in the "Try your assistant" sandbox chat and sees the assistant's reply appear, Sent, with
 * the test conversation kept out of the inbox; then a product is added and
 * edited in the Catalog and Stripe set up under Settings → Payments (masked keys, webhook URL); then a
 * customer's "I'd like 2 linen shirts" becomes an order under Orders, a Stripe-signed
 * {@code checkout.session.completed} turns it Paid on screen without a reload, and its invoice appears
 * under Invoices with a PDF to download; last, "Connect with Facebook": a login cancelled at Meta's dialog
 * connects nothing, then a granted one offers the user's Page and its Instagram account in the picker and
 * both are listed Connected; then an FAQ answer added under Settings → Knowledge, Settings → AI ordered openai then
 * groq (the stack's two WireMock providers), a "Try your assistant" reply labelled "OpenAI · gpt-4o-mini" whose
 * text openai's stub gives only when the prompt carries that answer, groq moved up and the next reply labelled
 * Groq. The gateway serves the built console
 * ({@code web/dist}). Chromium, Node and {@code web/node_modules} are prerequisites: missing, the
 * test fails with the fix, it does not skip.
 */
@ExtendWith(SellavieStackExtension.class)
class ConsoleBrowserJourneyIT {

    /**
     * The script's own waits add up to ~9 minutes in the worst case (sandbox replies, order, payment, invoice: 60 s
     * each).
     */
    private static final Duration BROWSER_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(60);
    private static final String ROUTE_GATE = "e2e: route-gate ";

    private static SellavieStack stack;
    private static IngestRouting routing;

    @BeforeAll
    static void connectTo(SellavieStack sellavie) {
        stack = sellavie;
        routing = new IngestRouting(sellavie.kafkaBootstrap());
    }

    @AfterAll
    static void disconnect() {
        routing.close();
    }

    @Test
    void aMerchantSignsUpConnectsInstagramSeesASignedDmAppearSetsUpCatalogAndPaymentsSeesAnOrderPaidAndInvoicedAndConnectsWithFacebook() throws Exception {
        // Given Node, playwright-core, Debian's chromium and the built console the gateway serves
        BrowserJourney journey = BrowserJourney.prepare(stack, "console-journey.mjs", "browser", "browser.log");
        long channelEventsBefore = routing.channelEventsPublished();
        // A second customer whose reply Meta accepts only after conversation-service stopped waiting (8 s):
        // its delivery is UNKNOWN, and the journey settles it from "Needs attention".
        String unknownCustomer = "IGSID-browser-unknown-" + System.nanoTime();
        // The account the console connects, and its token, known to the Graph API stub (the connect is proven with Meta).
        String instagramAccount = "178415" + System.currentTimeMillis();
        String channelToken = "EAAB" + java.util.UUID.randomUUID().toString().replace("-", "");
        stack.metaGraphApi().instagramAccount(channelToken, instagramAccount, "linen.loft." + instagramAccount);
        stack.metaGraphApi().delaySendsTo(unknownCustomer, Duration.ofSeconds(12));
        // A third whose first reply goes the same way, but which the team sends again: Meta answers the resend.
        String resendCustomer = "IGSID-browser-resend-" + System.nanoTime();
        stack.metaGraphApi().delayFirstSendTo(resendCustomer, Duration.ofSeconds(12));
        // The Facebook user who signs in at "Connect with Facebook": one Page and its Instagram account, both
        // offered by the picker and proven with Meta on connect. The first dialog is cancelled by the user.
        String run = Long.toString(System.currentTimeMillis());
        MetaGraphApi.FacebookUser facebookUser = new MetaGraphApi.FacebookUser("10000" + run, "AQD" + run
                        + java.util.UUID.randomUUID().toString().replace("-", ""), "10400" + run, "Linen Loft Page " + run,
                "EAAP" + java.util.UUID.randomUUID().toString().replace("-", ""), "178416" + run, "linen.loft.fb." + run);
        stack.metaGraphApi().facebookLogin(facebookUser);
        stack.metaGraphApi().cancelNextFacebookLogin();
        RouteGate routeGate = new RouteGate(channelEventsBefore);
        // The two platform providers answer texts of their own; openai's proves the new FAQ answer was in its prompt.
        String knowledgeAnswer = "Abuja deliveries leave every Tuesday " + run;
        String openAiReply = "Yes: Abuja deliveries leave every Tuesday (openai " + run + ")";
        String groqReply = "Kano too, on Thursdays (groq " + run + ")";
        stack.aiProviders().answerWhenPromptContains("openai", knowledgeAnswer, openAiReply);
        stack.aiProviders().answerWhenPromptContains("groq", "to Kano", groqReply);

        // When the browser journey runs against the gateway
        // Then it saw every step through, the conversation included
        try {
            journey.run(Map.ofEntries(
                            Map.entry("SELLAVIE_E2E_KNOWLEDGE_ANSWER", knowledgeAnswer),
                            Map.entry("SELLAVIE_E2E_OPENAI_REPLY", openAiReply),
                            Map.entry("SELLAVIE_E2E_GROQ_REPLY", groqReply),
                            Map.entry("SELLAVIE_E2E_FACEBOOK_PAGE", facebookUser.pageId()),
                            Map.entry("SELLAVIE_E2E_FACEBOOK_PAGE_NAME", facebookUser.pageName()),
                            Map.entry("SELLAVIE_E2E_FACEBOOK_INSTAGRAM", facebookUser.instagramAccountId()),
                            Map.entry("SELLAVIE_META_APP_SECRET", stack.secrets().metaAppSecret()),
                            Map.entry("SELLAVIE_E2E_ROUTE_GATE", "stdin"),
                            Map.entry("SELLAVIE_E2E_UNKNOWN_CUSTOMER", unknownCustomer),
                            Map.entry("SELLAVIE_E2E_RESEND_CUSTOMER", resendCustomer),
                            Map.entry("SELLAVIE_E2E_INSTAGRAM_ACCOUNT", instagramAccount),
                            Map.entry("SELLAVIE_E2E_CHANNEL_TOKEN", channelToken),
                            // The verification link is read from the mail catcher before connecting a channel.
                            Map.entry("SELLAVIE_E2E_MAIL_URL", stack.mail().webUrl())),
                    BROWSER_TIMEOUT, routeGate, routeGate::failureDetail);
            // "Mark as delivered" sent nothing more; "Resend" sent the reply once more (Meta got the first one late).
            assertThat(sendsTo(unknownCustomer)).as("sends to the customer whose reply was marked delivered").isEqualTo(1);
            assertThat(sendsTo(resendCustomer)).as("sends to the customer whose reply was resent").isEqualTo(2);
        } finally {
            stack.metaGraphApi().heal();
        }
    }

    private static long sendsTo(String customer) {
        return stack.metaGraphApi().deliveries().stream().filter(d -> d.recipientId().equals(customer)).count();
    }

    /**
     * Answers the route gate: when the script has connected the channel, it waits until
     * webhook-ingest-service has learnt the route (seen from the broker, like {@link Shop}) before
     * it posts the DM, which would otherwise rightly be unroutable.
     */
    private static final class RouteGate implements BrowserJourney.OutputListener {

        private final long channelEventsBefore;
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

        RouteGate(long channelEventsBefore) {
            this.channelEventsBefore = channelEventsBefore;
        }

        @Override
        public void onLine(String line, OutputStream stdin) throws IOException {
            if (!line.startsWith(ROUTE_GATE)) {
                return;
            }
            try {
                routing.awaitRouteLearnt(channelEventsBefore, ROUTE_TIMEOUT);
                stdin.write("route-ready\n".getBytes(StandardCharsets.UTF_8));
                stdin.flush();
            } catch (RuntimeException e) {
                failure.set(e);
                // The script sees stdin end and fails with its own message.
                stdin.close();
            }
        }

        String failureDetail() {
            RuntimeException e = failure.get();
            return e == null ? "" : " — ingest never learnt the channel's route: " + e.getMessage();
        }
    }
}
