package com.sellavie.conversation.reply;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/conversations/{id}/messages}: {@code {"text", "imageUrl"?}} or
 * {@code {"template": {"name", "language", "parameters"}}} (WhatsApp only).
 */
record TeamReplyRequest(
        @Size(max = 4096) String text,
        @Size(max = 2048) @Pattern(regexp = "https://\\S+", message = "must be an https:// link") String imageUrl,
        @Valid Template template) {

    record Template(
            @NotBlank @Size(max = 512) @Pattern(regexp = "[a-z0-9_]+", message = "must be a template name") String name,
            @NotBlank @Pattern(regexp = "[A-Za-z]{2,3}(_[A-Za-z0-9]{2,8})?", message = "must be a language code")
            String language,
            @Size(max = 30) List<@NotNull @Size(max = 1024) String> parameters) {
    }

    boolean hasText() {
        return text != null && !text.isBlank();
    }
}
