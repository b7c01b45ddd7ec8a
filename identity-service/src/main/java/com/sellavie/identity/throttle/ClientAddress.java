package com.sellavie.identity.throttle;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client address a throttle may key on: the LAST {@code X-Forwarded-For} entry, else the peer.
 * The gateway sets that header to the address it accepted the connection from (dropping the client's);
 * a proxy that appends instead puts its own observation last, while earlier entries are whatever the
 * client sent and would let an attacker pick a fresh address per guess.
 */
public final class ClientAddress {

    private static final int MAX = 64;

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        String address = request.getRemoteAddr();
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            String last = hops[hops.length - 1].strip();
            address = last.isEmpty() ? address : last;
        }
        String clean = address.replaceAll("[^0-9A-Za-z.:\\-\\[\\]%]", "");
        return clean.length() <= MAX ? clean : clean.substring(0, MAX);
    }
}
