package com.sellavie.gateway.edge;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers the paths vulnerability scanners probe ({@code /.env}, {@code /.git/config},
 * {@code /wp-admin}, {@code *.php}, {@code ..} traversal) with an empty 404 before any route,
 * console lookup or token check, and counts them ({@code sellavie.gateway.scanner.blocked}, tag
 * {@code rule}) so a scan shows on a dashboard without filling the log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ScannerPathGuard implements WebFilter {

    private static final Set<String> WORDPRESS = Set.of("wp-admin", "wp-content", "wp-includes", "wp-login.php",
            "xmlrpc.php", "wordpress");
    private static final List<String> SCRIPT_SUFFIXES = List.of(".php", ".asp", ".aspx", ".jsp", ".cgi");

    private final MeterRegistry meters;

    ScannerPathGuard(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<String> rule = ruleFor(exchange.getRequest().getPath().pathWithinApplication());
        if (rule.isPresent()) {
            meters.counter("sellavie.gateway.scanner.blocked", "rule", rule.get()).increment();
            exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
            return exchange.getResponse().setComplete();
        }
        return chain.filter(exchange);
    }

    /** The scanner rule the path trips, if any. */
    static Optional<String> ruleFor(PathContainer path) {
        List<String> segments = path.elements().stream()
                .filter(PathContainer.PathSegment.class::isInstance)
                .map(element -> ((PathContainer.PathSegment) element).valueToMatch().toLowerCase(Locale.ROOT))
                .filter(segment -> !segment.isEmpty())
                .toList();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (segment.equals("..") || segment.contains("/..") || segment.contains("\\..")
                    || segment.startsWith("../") || segment.startsWith("..\\")) {
                return Optional.of("traversal");
            }
            // Dot files and folders (.env, .git, .aws, .DS_Store); /.well-known/** is identity's JWKS.
            if (segment.startsWith(".") && !segment.equals(".") && !(i == 0 && segment.equals(".well-known"))) {
                return Optional.of("dotfile");
            }
            if (WORDPRESS.contains(segment)) {
                return Optional.of("wordpress");
            }
            if (SCRIPT_SUFFIXES.stream().anyMatch(segment::endsWith) || segment.equals("cgi-bin")
                    || segment.equals("phpmyadmin")) {
                return Optional.of("server-script");
            }
        }
        return Optional.empty();
    }
}
