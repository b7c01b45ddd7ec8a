package com.sellavie.ingest.sandbox;

/** The body of {@code POST /api/sandbox/messages}. */
record SandboxMessageRequest(String text) {
}
