package com.sellavie.conversation.channel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/channels}. Only Instagram can be connected in this increment. */
record ConnectChannelRequest(
        @NotBlank @Pattern(regexp = "INSTAGRAM", message = "must be INSTAGRAM") String type,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[0-9A-Za-z_.-]*", message = "must be an account id")
        String externalId,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(min = 8, max = 4096) String accessToken) {

    @Override
    public String toString() {
        // Never print the token (a log line, an exception message).
        return "ConnectChannelRequest[type=" + type + ", externalId=" + externalId + ", name=" + name + "]";
    }
}
