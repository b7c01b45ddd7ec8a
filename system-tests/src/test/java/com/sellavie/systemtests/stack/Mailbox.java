package com.sellavie.systemtests.stack;

import static org.awaitility.Awaitility.await;

import com.sellavie.local.LocalMailCatcher;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mail the stack's services sent, as a member would read it: notification-service delivers over
 * real SMTP to the local stack's mail catcher, which this reads. {@link #webUrl()} is the catcher's page
 * and JSON API ({@code /api/mailboxes/<address>}) for a browser journey.
 */
public final class Mailbox {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");

    private final LocalMailCatcher catcher;

    Mailbox(LocalMailCatcher catcher) {
        this.catcher = catcher;
    }

    /** Every message received for this address, newest first. */
    public List<LocalMailCatcher.Mail> messagesTo(String address) {
        return catcher.messages().stream().filter(mail -> mail.mailbox().equalsIgnoreCase(address)).toList();
    }

    /** Waits for the newest message to this address whose subject contains {@code subjectPart}. */
    public LocalMailCatcher.Mail awaitMail(String address, String subjectPart, Duration timeout) {
        return await().atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> messagesTo(address).stream().filter(m -> m.subject() != null && m.subject()
                        .toLowerCase(java.util.Locale.ROOT).contains(subjectPart.toLowerCase(java.util.Locale.ROOT)))
                        .findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    /** The first link in the mail's text part whose path contains {@code pathPart} (e.g. "/verify-email"). */
    public static String link(LocalMailCatcher.Mail mail, String pathPart) {
        Matcher links = LINK.matcher(mail.text() == null ? "" : mail.text());
        while (links.find()) {
            if (links.group().contains(pathPart)) {
                return links.group();
            }
        }
        throw new AssertionError("No link to " + pathPart + " in the mail '" + mail.subject() + "':\n" + mail.text());
    }

    /** The value of {@code token} in a link's query string. */
    public static String token(String link) {
        Matcher token = Pattern.compile("[?&]token=([^&#]+)").matcher(link);
        if (!token.find()) {
            throw new AssertionError("The link carries no token: " + link);
        }
        return java.net.URLDecoder.decode(token.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The catcher's page; {@code <webUrl>/api/mailboxes/<address>} lists an address's mail as JSON. */
    public String webUrl() {
        return catcher.webUrl();
    }
}
