package com.sellavie.gateway.security;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * The security chain's path rules: what {@code include} matches unless {@code exclude} matches too, decided
 * in one synchronous step. Spring Security's composed matchers ({@code pathMatchers(...)}, negated, or-ed)
 * subscribe a chain of Monos per pattern and format a debug message per pattern on every request even with
 * debug off (commons-logging's SLF4J bridge builds the message before the level check): ~3 % of the
 * gateway's CPU per request in its profile (docs/benchmarks.md, Gateway overhead). Patterns are parsed and
 * matched as {@code PathPatternParserServerWebExchangeMatcher} does: the default parser, on the path within
 * the application, any method.
 */
final class EdgePaths implements ServerWebExchangeMatcher {

    private static final Mono<MatchResult> MATCH = MatchResult.match();
    private static final Mono<MatchResult> NO_MATCH = MatchResult.notMatch();

    private final List<PathPattern> include;
    private final List<PathPattern> exclude;

    private EdgePaths(List<PathPattern> include, List<PathPattern> exclude) {
        this.include = include;
        this.exclude = exclude;
    }

    /** Paths matching any of {@code patterns}. */
    static EdgePaths of(String... patterns) {
        return new EdgePaths(parse(patterns), List.of());
    }

    /** These paths but those matching any of {@code patterns}. */
    EdgePaths except(String... patterns) {
        return new EdgePaths(include, Stream.concat(exclude.stream(), parse(patterns).stream()).toList());
    }

    boolean matches(PathContainer path) {
        return anyMatches(include, path) && !anyMatches(exclude, path);
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        return matches(exchange.getRequest().getPath().pathWithinApplication()) ? MATCH : NO_MATCH;
    }

    private static boolean anyMatches(List<PathPattern> patterns, PathContainer path) {
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static List<PathPattern> parse(String... patterns) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        return Stream.of(patterns).map(pattern -> parser.parse(parser.initFullPathPattern(pattern))).toList();
    }
}
