package com.sellavie.gateway.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.server.PathContainer;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * Answers the console's GETs: a file of the build when the path names one, else index.html for a
 * browser navigation (the single-page app routes {@code /inbox} itself), else 404.
 *
 * <p>Vite names everything under {@code assets/} after its content hash, so those files never
 * change and are cached for a year; index.html (which names the current hashes) and the other
 * unhashed files are revalidated on every use.
 */
class ConsoleHandler {

    static final CacheControl HASHED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    static final CacheControl REVALIDATE = CacheControl.noCache();
    private static final String ASSETS = "assets";

    private final ConsoleFiles files;

    ConsoleHandler(ConsoleFiles files) {
        this.files = files;
    }

    Mono<ServerResponse> serve(ServerRequest request) {
        PathContainer path = request.requestPath().pathWithinApplication();
        boolean root = firstSegment(path).isEmpty();
        Optional<Path> console = files.root();
        if (console.isEmpty()) {
            return root || wantsHtml(request) ? notBuilt() : ServerResponse.notFound().build();
        }
        if (root) {
            return file(request, console.get().resolve(ConsoleFiles.INDEX), REVALIDATE);
        }
        Optional<Path> file = ConsoleFiles.file(console.get(), path);
        if (file.isPresent()) {
            return file(request, file.get(), ASSETS.equals(firstSegment(path)) ? HASHED : REVALIDATE);
        }
        // A missing script or image must stay a 404, or the browser would get HTML in its place.
        if (ASSETS.equals(firstSegment(path)) || !wantsHtml(request)) {
            return ServerResponse.notFound().build();
        }
        return file(request, console.get().resolve(ConsoleFiles.INDEX), REVALIDATE);
    }

    /** A navigation asks for HTML by name; fetch() and script loads ask for {@code *}{@code /*} or a specific type. */
    private static boolean wantsHtml(ServerRequest request) {
        return request.headers().accept().stream()
                .anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("html"));
    }

    static String firstSegment(PathContainer path) {
        return path.elements().stream()
                .filter(PathContainer.PathSegment.class::isInstance)
                .map(element -> ((PathContainer.PathSegment) element).valueToMatch())
                .filter(segment -> !segment.isEmpty())
                .findFirst().orElse("");
    }

    private static Mono<ServerResponse> file(ServerRequest request, Path file, CacheControl cache) {
        Instant lastModified;
        long size;
        try {
            lastModified = Files.getLastModifiedTime(file).toInstant();
            size = Files.size(file);
        } catch (IOException e) {
            // Deleted between lookup and read (a rebuild in progress): the same as not there.
            return ServerResponse.notFound().build();
        }
        String etag = "W/\"" + Long.toHexString(size) + "-" + Long.toHexString(lastModified.toEpochMilli()) + "\"";
        MediaType type = MediaTypeFactory.getMediaType(file.getFileName().toString())
                .orElse(MediaType.APPLICATION_OCTET_STREAM);
        return request.checkNotModified(lastModified, etag)
                .switchIfEmpty(Mono.defer(() -> ServerResponse.ok()
                        .contentType(type)
                        .cacheControl(cache)
                        .lastModified(lastModified)
                        .eTag(etag)
                        .header("X-Content-Type-Options", "nosniff")
                        .body(BodyInserters.fromResource(new FileSystemResource(file)))));
    }

    private Mono<ServerResponse> notBuilt() {
        String searched = files.candidates().stream()
                .map(dir -> "<li><code>" + HtmlUtils.htmlEscape(dir.toString()) + "</code></li>")
                .collect(Collectors.joining());
        String page = """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Sellavie: the console is not built</title></head>
                <body>
                <h1>The Sellavie web console is not built</h1>
                <p>The gateway found no <code>index.html</code> in:</p>
                <ul>%s</ul>
                <p>Build it from the repository root with <code>npm --prefix web run build</code>, or point
                <code>SELLAVIE_CONSOLE_DIR</code> at a built console, then reload this page.</p>
                <p>The API (<code>/api/**</code>) and the webhooks (<code>/webhooks/**</code>) work meanwhile.</p>
                </body>
                </html>
                """.formatted(searched);
        return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .bodyValue(page);
    }
}
