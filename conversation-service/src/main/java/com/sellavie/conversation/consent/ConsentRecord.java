package com.sellavie.conversation.consent;

import java.time.Instant;
import java.util.UUID;

/** One consent record as {@code GET /api/contacts/{id}/consents} shows it. */
record ConsentRecord(UUID id, String purpose, String status, String source, String recordedBy, Instant recordedAt) {
}
