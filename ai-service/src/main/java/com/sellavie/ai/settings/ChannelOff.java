package com.sellavie.ai.settings;

import org.springframework.data.relational.core.mapping.Table;

/** A channel kind the business switched the assistant off on (a row of {@code ai_settings_channels_off}). */
@Table("ai_settings_channels_off")
record ChannelOff(String channel) {
}
