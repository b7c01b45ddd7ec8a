package com.sellavie.identity.session;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/**
 * Where a request came from, as a session shows it: the device (User-Agent) and the client address.
 * Behind the gateway the address is the first {@code X-Forwarded-For} entry (the gateway sets it; the
 * service is not reachable from outside), else the socket's peer. Both are for display, never for
 * decisions, and are truncated so a hostile header cannot bloat the table.
 */
public record ClientInfo(String device, String ip) {

    private static final int MAX_DEVICE = 255;
    private static final int MAX_IP = 64;

    public static ClientInfo of(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        String ip = forwarded == null || forwarded.isBlank() ? request.getRemoteAddr()
                : forwarded.split(",", 2)[0].strip();
        return new ClientInfo(truncate(request.getHeader(HttpHeaders.USER_AGENT), MAX_DEVICE), truncate(ip, MAX_IP));
    }

    private static String truncate(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = value.strip().replaceAll("\\p{Cntrl}", "");
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}
