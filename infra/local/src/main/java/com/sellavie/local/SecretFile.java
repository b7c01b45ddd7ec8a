package com.sellavie.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.Supplier;

/** A secret generated once, kept in a file only its owner can read (0600), and reused afterwards. */
final class SecretFile {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFile() {
    }

    /** The file's content, after writing {@code generator}'s value to it if the file did not exist. */
    static String readOrCreate(Path file, Supplier<String> generator) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.writeString(temp, generator.get(), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
                // Atomic: a crash never leaves a half-written key that would then be "reused".
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the secret file " + file, e);
        }
    }

    /** {@code bytes} random bytes as lower-case hex. */
    static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
