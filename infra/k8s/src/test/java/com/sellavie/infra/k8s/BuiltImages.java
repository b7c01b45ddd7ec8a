package com.sellavie.infra.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What infra/images/build-images.sh builds: every image tag, and the HTTP and health port of each service
 * module (its {@code module:port[:health port]} list), so the manifests name images that exist.
 */
record BuiltImages(String version, Map<String, Ports> services, Set<String> tags) {

    record Ports(int http, int health) {
    }

    private static final Pattern VERSION = Pattern.compile("version=\\$\\{SELLAVIE_VERSION:-([^}]+)}");
    private static final Pattern LIST = Pattern.compile("for entry in ((?:[^;])+); do");
    private static final Pattern ENTRY = Pattern.compile("([a-z-]+):(\\d+)(?::(\\d+))?");
    /** {@code build <tag> <context>}: every image the script tags (the services' by their module list). */
    private static final Pattern BUILD = Pattern.compile("(?m)^\\s*build \"?([^\\s\"]+)\"? ");

    static BuiltImages read() {
        String script;
        try {
            script = Files.readString(Repository.root().resolve("infra/images/build-images.sh"));
        } catch (IOException e) {
            throw new AssertionError("cannot read infra/images/build-images.sh", e);
        }
        Matcher version = VERSION.matcher(script);
        Matcher list = LIST.matcher(script);
        if (!version.find() || !list.find()) {
            throw new AssertionError("build-images.sh no longer has its version and module:port list");
        }
        Map<String, Ports> services = new LinkedHashMap<>();
        Matcher entry = ENTRY.matcher(list.group(1));
        while (entry.find()) {
            int http = Integer.parseInt(entry.group(2));
            int health = entry.group(3) == null ? http : Integer.parseInt(entry.group(3));
            services.put(entry.group(1), new Ports(http, health));
        }
        Set<String> tags = new TreeSet<>();
        Matcher build = BUILD.matcher(script);
        while (build.find()) {
            if (!build.group(1).contains("$module")) {
                tags.add(build.group(1).replace("$version", version.group(1)));
            }
        }
        services.keySet().forEach(module -> tags.add("sellavie/" + module + ":" + version.group(1)));
        return new BuiltImages(version.group(1), services, tags);
    }

    String image(String module) {
        return "sellavie/" + module + ":" + version;
    }
}
