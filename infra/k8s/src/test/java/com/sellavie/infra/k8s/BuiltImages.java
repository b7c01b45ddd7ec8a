package com.sellavie.infra.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What infra/images/build-images.sh builds for the services: the image tag, HTTP port and health port of
 * each module (its {@code module:port[:health port]} list), so the manifests name images that exist.
 */
record BuiltImages(String version, Map<String, Ports> services) {

    record Ports(int http, int health) {
    }

    private static final Pattern VERSION = Pattern.compile("version=\\$\\{SELLAVIE_VERSION:-([^}]+)}");
    private static final Pattern LIST = Pattern.compile("for entry in ((?:[^;])+); do");
    private static final Pattern ENTRY = Pattern.compile("([a-z-]+):(\\d+)(?::(\\d+))?");

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
        return new BuiltImages(version.group(1), services);
    }

    String image(String module) {
        return "sellavie/" + module + ":" + version;
    }
}
