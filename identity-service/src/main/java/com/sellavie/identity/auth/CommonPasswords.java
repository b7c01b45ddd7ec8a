package com.sellavie.identity.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The common and breached passwords a new password must not be: {@code passwords/common-passwords.txt}
 * (49,233 entries from zxcvbn-ts, MIT; its source is in the README beside it), loaded once, compared
 * lower-cased.
 */
final class CommonPasswords {

    private static final String RESOURCE = "/passwords/common-passwords.txt";
    private static final Set<String> LIST = load();

    private CommonPasswords() {
    }

    static boolean contains(String password) {
        return LIST.contains(password.strip().toLowerCase(Locale.ROOT));
    }

    static int size() {
        return LIST.size();
    }

    private static Set<String> load() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            Set<String> passwords = new HashSet<>(65_536);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                reader.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(passwords::add);
            }
            return Set.copyOf(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
