package com.sellavie.identity.email;

import com.github.f4b6a3.uuid.UuidCreator;
import com.sellavie.events.identity.AccountEmailRequested;
import com.sellavie.platform.outbox.Outbox;
import com.sellavie.schemas.EventMetadata;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Asks for account emails by publishing {@code AccountEmailRequested} through the outbox, inside the
 * caller's transaction (so an email is requested exactly when the change that needs it commits). Links
 * point at the console ({@code sellavie.console.base-url}) and travel encrypted ({@link ActionLinkCipher}).
 */
@Component
public class AccountEmails {

    /** What an email is for ({@code AccountEmailRequested.kind}). */
    public enum Kind { EMAIL_VERIFICATION, PASSWORD_RESET, INVITATION, ACCOUNT_EXISTS }

    private final Outbox outbox;
    private final ActionLinkCipher cipher;
    private final String consoleUrl;
    private final Clock clock = Clock.systemUTC();

    AccountEmails(Outbox outbox, ActionLinkCipher cipher, @Value("${sellavie.console.base-url}") URI consoleUrl) {
        this.outbox = outbox;
        this.cipher = cipher;
        String base = consoleUrl.toString();
        this.consoleUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The console page {@code path} (e.g. {@code /verify-email}) with {@code token} in its query string. */
    public String link(String path, String token) {
        return consoleUrl + path + "?token=" + token;
    }

    /** The console page {@code path} itself (a link without a secret). */
    public String page(String path) {
        return consoleUrl + path;
    }

    /** Requests one email; {@code link} may be null (ACCOUNT_EXISTS carries only the console's address). */
    public UUID request(Request request) {
        UUID businessId = request.businessId() == null ? EventMetadata.NO_BUSINESS : request.businessId();
        EventMetadata metadata = EventMetadata.startOfJourney(businessId, clock.instant());
        UUID emailId = UuidCreator.getTimeOrderedEpoch();
        AccountEmailRequested event = AccountEmailRequested.newBuilder()
                .setEventId(metadata.eventId()).setOccurredAt(metadata.occurredAt()).setBusinessId(businessId)
                .setCorrelationId(metadata.correlationId()).setCausationId(null)
                .setEmailId(emailId).setKind(request.kind().name()).setRecipient(request.recipient())
                .setRecipientUserId(request.recipientUserId()).setLocale(null)
                .setBusinessName(request.businessName()).setInviterName(request.inviterName())
                .setRole(request.role())
                .setActionLinkCiphertext(request.link() == null ? null : cipher.encrypt(request.link(), emailId))
                .setExpiresAt(request.expiresAt())
                .build();
        outbox.publish(event, emailId.toString());
        return emailId;
    }

    /** One email to request. Never log it whole: the link carries a secret. */
    public record Request(Kind kind, String recipient, UUID recipientUserId, UUID businessId, String businessName,
            String inviterName, String role, String link, Instant expiresAt) {

        public static Request of(Kind kind, String recipient, UUID recipientUserId) {
            return new Request(kind, recipient, recipientUserId, null, null, null, null, null, null);
        }

        public Request forBusiness(UUID id, String name) {
            return new Request(kind, recipient, recipientUserId, id, name, inviterName, role, link, expiresAt);
        }

        public Request invitedBy(String inviter, String offeredRole) {
            return new Request(kind, recipient, recipientUserId, businessId, businessName, inviter, offeredRole, link,
                    expiresAt);
        }

        public Request withLink(String actionLink, Instant until) {
            return new Request(kind, recipient, recipientUserId, businessId, businessName, inviterName, role,
                    actionLink, until);
        }

        @Override
        public String toString() {
            return "Request[" + kind + ", user=" + recipientUserId + "]";
        }
    }
}
