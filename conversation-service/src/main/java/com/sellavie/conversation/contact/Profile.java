package com.sellavie.conversation.contact;

/** What Meta answered for a contact's profile. */
sealed interface Profile {

    /** @param name the display name (Instagram name, Messenger first + last), null when Meta gives none */
    record Found(String name, String username, String pictureUrl) implements Profile {
    }

    /**
     * @param tokenInvalid Meta's error 190: the channel's token no longer works; the contact is left alone
     *                     until its next regular refresh (the channel needs reconnecting, not this contact)
     * @param reason       for the log and the counter, never the token
     */
    record Failed(boolean tokenInvalid, String reason) implements Profile {
    }
}
