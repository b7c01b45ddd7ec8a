package com.sellavie.conversation.live;

import com.sellavie.platform.tenancy.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/events}: the member's business's live feed as server-sent events (any member: OWNER,
 * ADMIN, AGENT). With {@code Last-Event-ID} the missed events come first, or a {@code reset} when some
 * may be gone. The stream ends when its token expires (or after {@code max-stream-duration}); the client
 * reconnects with a fresh token and its last id.
 */
@RestController
class LiveEventController {

    private final LiveStreams streams;
    private final LiveEventLog eventLog;
    private final LiveProperties properties;

    LiveEventController(LiveStreams streams, LiveEventLog eventLog, LiveProperties properties) {
        this.streams = streams;
        this.eventLog = eventLog;
        this.properties = properties;
    }

    @GetMapping(path = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
    SseEmitter events(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            @AuthenticationPrincipal Jwt member) {
        UUID business = TenantContext.requireBusinessId();
        // Registered before the missed events are read, so nothing committed in between falls through.
        LiveStream stream = streams.open(business, member.getSubject(), lifetime(member));
        if (lastEventId != null && !lastEventId.isBlank()) {
            // Half the stream's buffer at most, so live events arriving meanwhile still fit.
            switch (eventLog.after(business, lastEventId, properties.streamBuffer() / 2)) {
                case LiveEventLog.Replay(var events) -> events.forEach(e -> stream.offer(new LiveStream.Event(e)));
                case LiveEventLog.Reset(long latest) -> stream.offer(new LiveStream.Reset(latest));
            }
        }
        return stream.emitter();
    }

    private Duration lifetime(Jwt member) {
        Duration max = properties.maxStreamDuration();
        Instant expiresAt = member.getExpiresAt();
        if (expiresAt == null) {
            return max;
        }
        Duration untilExpiry = Duration.between(Instant.now(), expiresAt);
        return untilExpiry.compareTo(max) < 0 ? untilExpiry.plusSeconds(1) : max;
    }
}
