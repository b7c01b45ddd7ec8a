package com.sellavie.gateway.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.PathContainer;

/**
 * The console's files on disk. The folder is looked up on every request, not once at start-up, so a
 * console built while the gateway runs is served without a restart.
 */
class ConsoleFiles {

    static final String INDEX = "index.html";
    private static final Logger log = LoggerFactory.getLogger(ConsoleFiles.class);

    private final List<Path> candidates;

    ConsoleFiles(ConsoleProperties properties) {
        String configured = properties.consoleDir();
        candidates = (configured == null || configured.isBlank()
                ? List.of(Path.of("web", "dist"), Path.of("..", "web", "dist"))
                : List.of(Path.of(configured)))
                .stream().map(path -> path.toAbsolutePath().normalize()).toList();
        if (root().isEmpty()) {
            log.warn("No built web console in {}: / answers 503 until `npm --prefix web run build` has run "
                    + "(or SELLAVIE_CONSOLE_DIR names a built console)", candidates);
        }
    }

    /** The folders searched, in order. */
    List<Path> candidates() {
        return candidates;
    }

    /** The first candidate holding an index.html. */
    Optional<Path> root() {
        return candidates.stream().filter(dir -> Files.isRegularFile(dir.resolve(INDEX))).findFirst();
    }

    /**
     * The regular file under {@code root} that {@code path} names, if any. Segments that could leave
     * the folder ({@code ..}, {@code .}, encoded separators) name nothing (the edge guard refuses them
     * before this, but a file server does not rely on that).
     */
    static Optional<Path> file(Path root, PathContainer path) {
        Path file = root;
        for (PathContainer.Element element : path.elements()) {
            if (element instanceof PathContainer.PathSegment segment && !segment.valueToMatch().isEmpty()) {
                String name = segment.valueToMatch();
                if (name.equals("..") || name.equals(".") || name.contains("/") || name.contains("\\")
                        || name.indexOf('\0') >= 0) {
                    return Optional.empty();
                }
                file = file.resolve(name);
            }
        }
        file = file.normalize();
        return file.startsWith(root) && !file.equals(root) && Files.isRegularFile(file)
                ? Optional.of(file)
                : Optional.empty();
    }
}
