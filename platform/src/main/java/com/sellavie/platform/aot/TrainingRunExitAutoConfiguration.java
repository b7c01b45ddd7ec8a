package com.sellavie.platform.aot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** {@link TrainingRunExit} in every service; unconditional, since it reads its setting at start-up. */
@AutoConfiguration
public class TrainingRunExitAutoConfiguration {

    @Bean
    TrainingRunExit trainingRunExit(Environment environment) {
        return new TrainingRunExit(environment);
    }
}
