package com.sellavie.local.bench;

import java.util.List;
import java.util.Set;

/**
 * What {@code ./sellavie bench} was asked for. {@code replicas} is the launcher's {@code --replicas} value
 * (validated there), empty for one instance of each service.
 */
public record BenchSettings(int rate, int seconds, int warmupSeconds, int shops, String replicas, boolean findMax,
        int stepRate, int stepSeconds, int drainSeconds) {

    public static final String USAGE = "./sellavie bench [--rate 100] [--seconds 300] [--warmup 30] [--shops 20]"
            + " [--replicas conversation=2] [--drain 30] [--find-max [--step 50] [--step-seconds 60]]";
    /** The p99 a rate must keep to count in {@code --find-max} (issue 12: p99 <= 1 s). */
    public static final long FIND_MAX_P99_MILLIS = 1000;
    /** Where {@code --find-max} stops climbing even if every step passed. */
    public static final int FIND_MAX_CEILING = 2000;

    private static final Set<String> VALUED = Set.of("--rate", "--seconds", "--warmup", "--shops",
            "--replicas", "--step", "--step-seconds", "--drain");

    public static BenchSettings defaults() {
        return new BenchSettings(100, 300, 30, 20, "", false, 50, 60, 30);
    }

    /**
     * Parses the options after {@code bench}; {@code --name value} or {@code --name=value}.
     *
     * @throws IllegalArgumentException saying what is wrong, for the usage line
     */
    public static BenchSettings parse(List<String> args) {
        BenchSettings s = defaults();
        int rate = s.rate, seconds = s.seconds, warmup = s.warmupSeconds, shops = s.shops, step = s.stepRate;
        int stepSeconds = s.stepSeconds, drain = s.drainSeconds;
        String replicas = s.replicas;
        boolean findMax = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (name.equals("--find-max")) {
                findMax = true;
                continue;
            }
            if (!VALUED.contains(name)) {
                throw new IllegalArgumentException("unknown option " + arg);
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
            switch (name) {
                case "--rate" -> rate = positive(name, value, 10_000);
                case "--seconds" -> seconds = positive(name, value, 86_400);
                case "--warmup" -> warmup = atLeastZero(name, value);
                case "--shops" -> shops = positive(name, value, 500);
                case "--replicas" -> replicas = value.strip();
                case "--step" -> step = positive(name, value, 10_000);
                case "--step-seconds" -> stepSeconds = positive(name, value, 3_600);
                case "--drain" -> drain = positive(name, value, 3_600);
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new BenchSettings(rate, seconds, warmup, shops, replicas, findMax, step, stepSeconds, drain);
    }

    private static int positive(String name, String value, int max) {
        int number = number(name, value);
        if (number < 1 || number > max) {
            throw new IllegalArgumentException(name + " must be 1 to " + max + ", not " + value);
        }
        return number;
    }

    private static int atLeastZero(String name, String value) {
        int number = number(name, value);
        if (number < 0) {
            throw new IllegalArgumentException(name + " must be 0 or more, not " + value);
        }
        return number;
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number, not '" + value + "'");
        }
    }

    /** The settings as one line of the report. */
    String describe() {
        String load = findMax
                ? "find-max: steps of +%d DMs/s from %d/s, %d s each, drained between steps".formatted(stepRate,
                        stepRate, stepSeconds)
                : "%d DMs/s for %d s".formatted(rate, seconds);
        return "%s after %d s warm-up at the first rate; %d shops x 3 channels (Instagram, Messenger, WhatsApp);"
                .formatted(load, warmupSeconds, shops)
                + " drain %d s; replicas: %s".formatted(drainSeconds, replicas.isEmpty() ? "one of each" : replicas);
    }
}
