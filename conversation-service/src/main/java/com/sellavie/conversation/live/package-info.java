/**
 * The console's live feed: {@code GET /api/events}, a server-sent events stream per signed-in tab, fed
 * by the database's change triggers through one LISTEN connection per instance, resumable with
 * {@code Last-Event-ID}.
 */
package com.sellavie.conversation.live;
