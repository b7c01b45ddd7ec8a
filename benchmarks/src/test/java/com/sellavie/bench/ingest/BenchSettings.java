package com.sellavie.bench.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's knobs, as {@code -Dsellavie.bench.<name>}: {@code connections} (32, as the issue's wrk run),
 * {@code warmup-seconds} (20) and {@code seconds} (20) per closed-loop phase, {@code open-loop-seconds} (30),
 * {@code jvm-flags} (both apps; default = production's, the {@code infra/jvm/service.jvmopts} argfile that ./sellavie up
 * and the service image give every service), {@code jfr} (true: ingest records a
 * profile to {@code target/bench-ingest/<variant>.jfr}), {@code variants}: ingest configurations measured one after
 * the other, each in a fresh ingest JVM against the same bare-endpoint result, as
 * {@code name=KEY:value+KEY:value;name2=...} (default one variant, {@code default}, with nothing changed), e.g.
 * {@code own-tx=SELLAVIE_INGEST_GROUP_COMMIT_ENABLED:false;group=}. A variant's {@value #VARIANT_JAR} runs another
 * build of ingest (e.g. {@code before=BENCH_INGEST_JAR:/tmp/ingest-before.jar;after=}: two builds in one run).
 * {@code bare-each} (false): the bare endpoint measured again before every variant, each ratio to the one just before.
 */
record BenchSettings(int connections, Duration warmup, Duration measure, Duration openLoop, List<String> flags,
        boolean jfr, Map<String, Map<String, String>> variants, Path out, Path ingestJar, Path bareJar, boolean bareEach) {

    /** A variant's setting naming the ingest jar it runs instead of {@code ingest-jar}; not passed to the service. */
    static final String VARIANT_JAR = "BENCH_INGEST_JAR";

    static BenchSettings fromSystemProperties() {
        Map<String, Map<String, String>> variants = new LinkedHashMap<>();
        for (String variant : property("variants", "default=").split(";")) {
            Map<String, String> env = new HashMap<>();
            String[] nameAndEnv = variant.split("=", 2);
            for (String pair : (nameAndEnv.length > 1 ? nameAndEnv[1] : "").split("\\+")) {
                if (pair.contains(":")) {
                    env.put(pair.substring(0, pair.indexOf(':')).strip(), pair.substring(pair.indexOf(':') + 1).strip());
                }
            }
            variants.put(nameAndEnv[0].strip(), env);
        }
        return new BenchSettings(Integer.parseInt(property("connections", "32")),
                Duration.ofSeconds(Long.parseLong(property("warmup-seconds", "20"))),
                Duration.ofSeconds(Long.parseLong(property("seconds", "20"))),
                Duration.ofSeconds(Long.parseLong(property("open-loop-seconds", "30"))),
                Arrays.asList(property("jvm-flags", "@" + property("service-jvmopts", "../infra/jvm/service.jvmopts")).strip().split("\\s+")),
                Boolean.parseBoolean(property("jfr", "false")), variants, Path.of(property("out", "target/bench-ingest")),
                Path.of(property("ingest-jar", "")), Path.of(property("bare-jar", "")),
                Boolean.parseBoolean(property("bare-each", "false")));
    }

    List<String> jvmFlags(boolean ingest, String variant) {
        List<String> all = new ArrayList<>(flags);
        all.add("-Dorg.apache.avro.SERIALIZABLE_PACKAGES=com.sellavie");
        if (ingest && jfr) {
            all.add("-XX:StartFlightRecording=filename=" + out.resolve(variant + ".jfr").toAbsolutePath()
                    + ",settings=profile,dumponexit=true");
        }
        return all;
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty("sellavie.bench." + name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public String toString() {
        return connections + " connections, warm-up " + warmup.toSeconds() + " s, max " + measure.toSeconds()
                + " s, open loop " + openLoop.toSeconds() + " s, JVM flags `" + String.join(" ", flags) + "`"
                + (jfr ? ", JFR on ingest" : "") + (bareEach ? ", bare endpoint before each variant" : "")
                + ", ingest variants " + variants;
    }
}
