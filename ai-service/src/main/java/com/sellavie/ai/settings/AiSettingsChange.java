package com.sellavie.ai.settings;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A validated {@code PUT /api/ai/settings}: what the stored settings become (keys already encrypted). */
record AiSettingsChange(List<ProviderChoice> providers, BigDecimal temperature, Integer maxReplyTokens, String tone,
        LanguagePolicy languagePolicy, String fixedLanguage, Set<String> channelsOff, Optional<Budget> budget) {
}
