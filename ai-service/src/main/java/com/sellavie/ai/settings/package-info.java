/**
 * A business's own AI settings ({@code /api/ai/settings}): provider order, models, its own keys (Tink
 * AEAD at rest, masked in the API), temperature, reply length, tone, language policy and the channels
 * the assistant answers on; and the "test this key" probe. The reply pipeline reads them through
 * {@link com.sellavie.ai.settings.AiSettingsService#forReplies}.
 */
package com.sellavie.ai.settings;
