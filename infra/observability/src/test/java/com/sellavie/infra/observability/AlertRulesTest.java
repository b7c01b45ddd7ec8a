package com.sellavie.infra.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Prometheus itself accepts the rules and the configuration, and every alert behaves as its unit tests say. */
class AlertRulesTest {

    @Test
    void rulesAreValid() {
        assertThat(Promtool.run("check", "rules", "alerts.yml")).contains("SUCCESS");
    }

    @Test
    void prometheusConfigurationIsValidAndLoadsTheRules() {
        assertThat(Promtool.run("check", "config", "prometheus.yml")).contains("SUCCESS: 1 rule files found");
    }

    @Test
    void everyAlertFiresOnItsTroubleAndStaysQuietWhenHealthy() {
        assertThat(Promtool.run("test", "rules", "alerts.test.yml")).contains("SUCCESS");
    }
}
