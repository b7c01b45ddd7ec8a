package com.sellavie.infra.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every alert says how bad it is, links to its entry in docs/operations.md, and has a unit test that fires it. */
class RunbooksTest {

    private static final Pattern HEADING = Pattern.compile("(?m)^#{2,4} +(.+)$");

    @Test
    void everyAlertLinksToItsOwnEntryInTheOperationsGuide() {
        Set<String> anchors = new HashSet<>();
        Matcher heading = HEADING.matcher(ObservabilityFiles.read(Repository.root().resolve("docs/operations.md")));
        while (heading.find()) {
            anchors.add(githubAnchor(heading.group(1)));
        }
        for (ObservabilityFiles.Alert alert : ObservabilityFiles.alerts()) {
            String anchor = alert.name().toLowerCase(Locale.ROOT);
            assertThat(alert.annotations().get("runbook_url")).as("%s runbook_url", alert.name())
                    .isEqualTo("docs/operations.md#" + anchor);
            assertThat(anchors).as("docs/operations.md has a heading for %s", alert.name()).contains(anchor);
            assertThat(alert.labels().get("severity")).as("%s severity", alert.name()).isIn("warning", "critical");
            assertThat(alert.annotations()).as("%s annotations", alert.name()).containsKeys("summary", "description");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertHasAUnitTestThatFiresIt() {
        Set<String> fired = new HashSet<>();
        for (Map<String, Object> test : (List<Map<String, Object>>) ObservabilityFiles.alertTests().get("tests")) {
            for (Map<String, Object> check : (List<Map<String, Object>>) test.get("alert_rule_test")) {
                if (check.get("exp_alerts") instanceof List<?> expected && !expected.isEmpty()) {
                    fired.add((String) check.get("alertname"));
                }
            }
        }
        assertThat(fired).containsAll(ObservabilityFiles.alerts().stream().map(ObservabilityFiles.Alert::name).toList());
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
    private static String githubAnchor(String heading) {
        return heading.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }
}
