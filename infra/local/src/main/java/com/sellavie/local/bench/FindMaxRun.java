package com.sellavie.local.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** {@code --find-max}: a warm-up, then steps of rising rate, each drained and judged before the next. */
final class FindMaxRun {

    private final BenchSettings settings;
    private final LoadRun load;
    private final BenchReport report;

    FindMaxRun(BenchSettings settings, LoadRun load, BenchReport report) {
        this.settings = settings;
        this.load = load;
        this.report = report;
    }

    void run(Ledger ledger) throws InterruptedException {
        if (settings.warmupSeconds() > 0) {
            load.run(List.of(new Schedule.Phase("warm-up", settings.stepRate(), settings.warmupSeconds(), false)));
        }
        List<FindMax.Step> steps = new ArrayList<>();
        report.blank();
        report.summaryHeader();
        for (int n = 0; ; n++) {
            int rate = FindMax.rateOf(n, settings.stepRate());
            LoadRun.Ran ran = load.run(List.of(new Schedule.Phase(rate + "/s", rate, settings.stepSeconds(), true)));
            Accounting accounting = Accounting.of(ledger.outcomes().stream()
                    .filter(o -> ran.phases().contains(o.phase())).toList());
            FindMax.Step step = new FindMax.Step(rate, accounting);
            steps.add(step);
            report.summaryRow("%d/s for %d s (load avg %s)%s".formatted(rate, settings.stepSeconds(),
                    PipelineBenchmark.LoadAverage.now().split(" ")[0], step.kept() ? "" : " — **missed**"), accounting);
            if (!FindMax.climbOn(step, settings.stepRate())) {
                break;
            }
        }
        OptionalInt highest = FindMax.highestKept(steps);
        report.blank();
        report.line(highest.isPresent()
                ? "**Highest rate with p99 <= %d ms, none lost or duplicated: %d DMs/s**".formatted(
                        BenchSettings.FIND_MAX_P99_MILLIS, highest.getAsInt())
                : "**No step kept p99 <= %d ms (the first, %d/s, missed)**".formatted(
                        BenchSettings.FIND_MAX_P99_MILLIS, settings.stepRate()));
    }
}
