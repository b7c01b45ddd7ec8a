package com.sellavie.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.systemtests.stack.SellavieStack;
import com.sellavie.systemtests.stack.SellavieStackExtension;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The services run as production starts them: from bean definitions Spring AOT generated at build time (the
 * journeys beside this one exercise them), the gateway reflection-based. Boot logs which one it started.
 */
@ExtendWith(SellavieStackExtension.class)
class SpringAotJourneyIT {

    @ParameterizedTest
    @ValueSource(strings = {"identity", "ingest", "conversation", "ai", "commerce", "notification"})
    void eachServiceStartedFromItsGeneratedBeanDefinitions(String service, SellavieStack stack) throws IOException {
        String log = Files.readString(stack.service(service).logFile());

        assertThat(log).as("%s's log", service).containsPattern("Starting AOT-processed \\w+Application");
    }

    @Test
    void theGatewayStartsReflectionBased(SellavieStack stack) throws IOException {
        String log = Files.readString(stack.service("gateway").logFile());

        assertThat(log).contains("Starting ").doesNotContain("AOT-processed");
    }
}
