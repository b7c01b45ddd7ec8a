package com.sellavie.conversation.channel;

/** The only form of a token that ever leaves the service: {@code EAAB…4f2a}. */
final class TokenMask {

    private TokenMask() {
    }

    static String mask(String token) {
        // Short tokens show nothing at all: four plus four characters would be most of them.
        if (token.length() < 16) {
            return "…";
        }
        return token.substring(0, 4) + "…" + token.substring(token.length() - 4);
    }
}
