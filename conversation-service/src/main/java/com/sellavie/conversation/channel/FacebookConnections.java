package com.sellavie.conversation.channel;

import com.sellavie.platform.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * Connects the accounts a merchant picked from their Facebook Login session, each through
 * {@link ChannelService#connect} (the same ownership proof, uniqueness rules and ChannelConnected event
 * as a pasted token). Each pick is its own unit: one refused (already connected, Meta says no) leaves
 * the others connected, and the outcome says which failed and why. A pick the session did not offer
 * refuses the whole request before anything is connected.
 */
@Service
class FacebookConnections {

    /** A pick: which account of the session. */
    record Pick(String type, String externalId) {
    }

    /** A pick that was not connected, with the problem the connect path answered. */
    record Failure(String type, String externalId, int status, String title, String detail, String reason) {
    }

    record Outcome(List<Channel> connected, List<Failure> failed) {
    }

    private final FacebookSessions sessions;
    private final ChannelService channels;
    private final ChannelRepository repository;

    FacebookConnections(FacebookSessions sessions, ChannelService channels, ChannelRepository repository) {
        this.sessions = sessions;
        this.channels = channels;
        this.repository = repository;
    }

    Outcome connect(String memberId, UUID sessionId, List<Pick> picks) {
        FacebookSessions.Session session = sessions.load(memberId, sessionId);
        List<FacebookChoice> chosen = new ArrayList<>();
        for (Pick pick : picks) {
            FacebookChoice choice = session.choices().stream().filter(c -> c.is(pick.type(), pick.externalId()))
                    .findFirst().orElseThrow(() -> new FacebookLoginRefusedException(
                            FacebookLoginRefusedException.CHOICE_NOT_OFFERED, "This Facebook Login did not offer "
                            + pick.type() + " account " + pick.externalId() + ". Nothing was connected."));
            if (!chosen.contains(choice)) {
                chosen.add(choice);
            }
        }
        List<Channel> connected = new ArrayList<>();
        List<Failure> failed = new ArrayList<>();
        for (FacebookChoice choice : chosen) {
            try {
                connected.add(channels.connect(choice.toConnect()));
            } catch (ErrorResponseException refused) {
                failed.add(new Failure(choice.type(), choice.externalId(), refused.getStatusCode().value(),
                        refused.getBody().getTitle(), refused.getBody().getDetail(), reason(refused)));
            }
        }
        return new Outcome(connected, failed);
    }

    /** Whether the business has this account CONNECTED already (the picker marks it). */
    boolean alreadyConnected(FacebookChoice choice) {
        Optional<Channel> own = repository.findByExternalId(TenantContext.requireBusinessId(), choice.type(),
                choice.externalId());
        return own.filter(channel -> Channel.CONNECTED.equals(channel.status())).isPresent();
    }

    private static String reason(ErrorResponseException refused) {
        var properties = refused.getBody().getProperties();
        Object reason = properties == null ? null : properties.get("reason");
        return reason == null ? null : reason.toString();
    }
}
