package com.sellavie.platform.security;

import java.time.Duration;
import java.util.UUID;

/**
 * The Redis keys of the access-token denylist (issue 9 contract), shared by identity (which writes
 * them) and every resource server and the gateway (which read them).
 * <ul>
 * <li>{@code sellavie:revoked:sid:<sid>} exists: every token of that login session is dead.</li>
 * <li>{@code sellavie:revoked:member:<business_id>:<sub>} = epoch seconds T: that member's tokens
 * issued at or before T are dead.</li>
 * <li>{@code sellavie:revoked:index}: a sorted set naming every entry above (member: its key; score: the
 * epoch milliseconds when it expires), written with it. A gateway keeps a copy of the denylist, refreshed from
 * this index every second, instead of asking Redis on every request; the services ask the entries themselves.</li>
 * </ul>
 * Entries live as long as the tokens they kill can: the access-token lifetime plus a minute.
 */
public final class RevocationKeys {

    /** How long an entry is kept: the contract's access-token lifetime (15 min) plus a minute of margin. */
    public static final Duration TTL = Duration.ofMinutes(16);

    /** The index of live entries (see the class comment). */
    public static final String INDEX = "sellavie:revoked:index";

    private RevocationKeys() {
    }

    public static String session(String sid) {
        return "sellavie:revoked:sid:" + sid;
    }

    public static String member(String businessId, String userId) {
        return "sellavie:revoked:member:" + businessId + ":" + userId;
    }

    public static String session(UUID sid) {
        return session(sid.toString());
    }

    public static String member(UUID businessId, UUID userId) {
        return member(businessId.toString(), userId.toString());
    }
}
