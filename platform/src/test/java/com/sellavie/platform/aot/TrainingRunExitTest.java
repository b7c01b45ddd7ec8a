package com.sellavie.platform.aot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The training run ends where the service's own context is refreshed, even when a child context (as OpenFeign makes
 * for each client) is refreshed while the service's beans are still being created. Each case runs {@link Service} in
 * a JVM of its own, since the exit halts the JVM.
 */
class TrainingRunExitTest {

    @Test
    void theTrainingRunCreatesEveryBeanOfTheServiceThenExitsBeforeAnythingStarts() throws Exception {
        Run run = run("-D" + TrainingRunExit.PROPERTY + "=true");

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("child context refreshed", "bean after the child created")
                .doesNotContain("lifecycle bean started", "service ran");
    }

    @Test
    void springsOwnExitStopsAtTheChildContextBeforeTheServiceHasItsBeans() throws Exception {
        // Why the hook exists: with Spring's property the start loads only what comes before the first child context.
        Run run = run("-Dspring.context.exit=onRefresh");

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("refreshing a child context")
                .doesNotContain("child context refreshed", "bean after the child created");
    }

    @Test
    void withoutTheSettingTheServiceStartsAsUsual() throws Exception {
        Run run = run();

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("bean after the child created", "lifecycle bean started", "service ran");
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(String... properties) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(List.of(properties));
        command.add(Service.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("the JVM ended within 60 s; output:%n%s", output).isTrue();
        return new Run(process.exitValue(), output);
    }

    /** A service whose second bean, like an OpenFeign client, refreshes a child context while it is created. */
    @Configuration(proxyBeanMethods = false)
    @Import(TrainingRunExitAutoConfiguration.class)
    static class Service {

        public static void main(String[] args) {
            try (var context = new SpringApplicationBuilder(Service.class).web(WebApplicationType.NONE)
                    .logStartupInfo(false).run(args)) {
                System.out.println("service ran");
            }
        }

        @Bean
        AnnotationConfigApplicationContext clientContext(org.springframework.context.ApplicationContext parent) {
            AnnotationConfigApplicationContext child = new AnnotationConfigApplicationContext();
            child.setParent(parent);
            System.out.println("refreshing a child context");
            child.refresh();
            System.out.println("child context refreshed");
            return child;
        }

        @Bean
        String beanAfterTheChild(AnnotationConfigApplicationContext clientContext) {
            System.out.println("bean after the child created");
            return "later";
        }

        @Bean
        SmartLifecycle consumer() {
            return new SmartLifecycle() {
                private volatile boolean running;

                @Override
                public void start() {
                    System.out.println("lifecycle bean started");
                    running = true;
                }

                @Override
                public void stop() {
                    running = false;
                }

                @Override
                public boolean isRunning() {
                    return running;
                }
            };
        }
    }
}
