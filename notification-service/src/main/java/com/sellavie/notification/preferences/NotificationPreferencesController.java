package com.sellavie.notification.preferences;

import com.sellavie.notification.feed.NotificationKind;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in member's own alert preferences in the token's business: any role, and only their own
 * (the member is the token's subject; there is no user id in the path to point at someone else).
 */
@RestController
@RequestMapping("/api/notification-preferences")
@PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
class NotificationPreferencesController {

    private final AlertPreferences preferences;

    NotificationPreferencesController(AlertPreferences preferences) {
        this.preferences = preferences;
    }

    record PreferencesView(Map<NotificationKind, AlertChannel> preferences) {
    }

    record PreferencesChange(Map<String, String> preferences) {
    }

    @GetMapping
    PreferencesView mine(@AuthenticationPrincipal Jwt member) {
        return new PreferencesView(preferences.of(UUID.fromString(member.getSubject())));
    }

    @PutMapping
    PreferencesView change(@AuthenticationPrincipal Jwt member, @RequestBody PreferencesChange change) {
        return new PreferencesView(preferences.update(UUID.fromString(member.getSubject()), parse(change)));
    }

    /** Every kind and channel checked before anything is saved: a bad entry changes nothing. */
    private static Map<NotificationKind, AlertChannel> parse(PreferencesChange change) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<NotificationKind, AlertChannel> parsed = new EnumMap<>(NotificationKind.class);
        if (change == null || change.preferences() == null || change.preferences().isEmpty()) {
            errors.put("preferences", "must name at least one kind, e.g. {\"ORDER_PAID\": \"EMAIL\"}");
        } else {
            change.preferences().forEach((kind, channel) -> {
                NotificationKind known = Arrays.stream(NotificationKind.values())
                        .filter(k -> k.name().equals(kind) && AlertKinds.DEFAULTS.containsKey(k)).findFirst().orElse(null);
                AlertChannel chosen = Arrays.stream(AlertChannel.values()).filter(c -> c.name().equals(channel))
                        .findFirst().orElse(null);
                if (known == null) {
                    errors.put("preferences." + kind, "not an alert kind: one of " + AlertKinds.DEFAULTS.keySet());
                } else if (chosen == null) {
                    errors.put("preferences." + kind, "must be IN_APP, EMAIL or OFF");
                } else {
                    parsed.put(known, chosen);
                }
            });
        }
        if (!errors.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid notification preferences");
            problem.setProperty("errors", errors);
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        return parsed;
    }
}
