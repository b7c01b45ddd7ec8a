package com.sellavie.ai.settings;

import java.util.List;

/**
 * The channel kinds the assistant can be switched off on. ai-service knows a request's channel kind
 * ({@code ReplyRequested.channelType}), not which of the business's accounts it came through, so the
 * switch is per kind. SANDBOX ("Try your assistant") is always answered: it exists to try the settings.
 */
public final class AiChannels {

    public static final List<String> KINDS = List.of("INSTAGRAM", "MESSENGER", "WHATSAPP");

    private AiChannels() {
    }
}
