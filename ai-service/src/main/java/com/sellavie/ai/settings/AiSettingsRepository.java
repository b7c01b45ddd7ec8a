package com.sellavie.ai.settings;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** The ai_settings aggregate; row-level security scopes every statement to the current business. */
interface AiSettingsRepository extends ListCrudRepository<AiSettings, UUID> {
}
