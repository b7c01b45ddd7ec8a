package com.sellavie.conversation.contact;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code GET /api/contacts/{id}}.
 *
 * @param name             the team's name if a member set one ({@code nameEdited}), else Meta's
 * @param username         the Instagram username, else null
 * @param pictureUrl       Meta's profile picture link (short-lived CDN URL), else null
 * @param profileFetchedAt when the profile was last fetched from Meta; null when never
 */
record ContactView(UUID id, ChannelRef channel, String externalId, String name, boolean nameEdited, String username,
        String pictureUrl, String notes, Instant profileFetchedAt) {

    record ChannelRef(UUID id, String type, String name) {
    }
}
