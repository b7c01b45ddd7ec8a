package com.sellavie.conversation.channel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Body of {@code POST /api/channels}. {@code name} may be blank: the name Meta returns is stored then.
 * Instagram: {@code externalId} is the Instagram account id, {@code pageId} the linked Page when the
 * token is a Page token (Facebook Login). Messenger: the Page id, as {@code externalId} or {@code pageId}.
 * WhatsApp: the phone_number_id, as {@code externalId} or {@code phoneNumberId}, and the {@code wabaId}.
 */
record ConnectChannelRequest(
        @NotBlank @Pattern(regexp = "INSTAGRAM|MESSENGER|WHATSAPP", message = "must be INSTAGRAM, MESSENGER or WHATSAPP")
        String type,
        @Size(max = 64) @Pattern(regexp = "[0-9A-Za-z_.-]*", message = "must be an account id") String externalId,
        @Size(max = 200) String name,
        @NotBlank @Size(min = 8, max = 4096) String accessToken,
        @Size(max = 64) @Pattern(regexp = "[0-9]*", message = "must be a numeric Meta id") String pageId,
        @Size(max = 64) @Pattern(regexp = "[0-9]*", message = "must be a numeric Meta id") String phoneNumberId,
        @Size(max = 64) @Pattern(regexp = "[0-9]*", message = "must be a numeric Meta id") String wabaId) {

    /** The checks that need several fields; 400 with {@code errors} when one fails. */
    ConnectChannel resolve() {
        Map<String, String> errors = new LinkedHashMap<>();
        String external = blankToNull(externalId);
        String page = blankToNull(pageId);
        String phone = blankToNull(phoneNumberId);
        String waba = blankToNull(wabaId);
        switch (type) {
            case "MESSENGER" -> {
                external = agree(external, page, "pageId", "must equal externalId (both name the Page)", errors);
                page = external;
            }
            case "WHATSAPP" -> {
                external = agree(external, phone, "phoneNumberId", "must equal externalId (both name the number)",
                        errors);
                if (external != null && !external.matches("[0-9]+")) {
                    errors.put("externalId", "must be the numeric phone_number_id");
                }
                if (waba == null) {
                    errors.put("wabaId", "must not be blank for WHATSAPP");
                }
            }
            default -> {
            }
        }
        if (external == null) {
            errors.putIfAbsent("externalId", "must not be blank");
        }
        if (!"WHATSAPP".equals(type) && (phone != null || waba != null)) {
            errors.put(phone != null ? "phoneNumberId" : "wabaId", "only for WHATSAPP");
        }
        if ("WHATSAPP".equals(type) && page != null) {
            errors.put("pageId", "not for WHATSAPP");
        }
        if (!errors.isEmpty()) {
            throw new InvalidChannelRequestException(errors);
        }
        return new ConnectChannel(type, external, blankToNull(name), accessToken, page, waba);
    }

    private static String agree(String external, String other, String field, String message,
            Map<String, String> errors) {
        if (external != null && other != null && !external.equals(other)) {
            errors.put(field, message);
        }
        return external != null ? external : other;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        // Never print the token (a log line, an exception message).
        return "ConnectChannelRequest[type=" + type + ", externalId=" + externalId + ", name=" + name + ", pageId="
                + pageId + ", phoneNumberId=" + phoneNumberId + ", wabaId=" + wabaId + "]";
    }
}
