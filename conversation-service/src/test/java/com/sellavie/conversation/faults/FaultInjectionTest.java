package com.sellavie.conversation.faults;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The halting itself is exercised by the system tests, which kill the service there and restart it. */
class FaultInjectionTest {

    @Test
    void unsetMeansEveryPointIsANoOp() {
        FaultInjection faults = new FaultInjection("");

        assertThatCode(() -> {
            faults.point(FaultInjection.AFTER_INBOUND_RECORDED);
            faults.point(FaultInjection.AFTER_SEND_API_ANSWERED);
        }).doesNotThrowAnyException();
    }

    @Test
    void anotherPointThanTheConfiguredOneDoesNotHalt() {
        FaultInjection faults = new FaultInjection(FaultInjection.AFTER_SEND_API_ANSWERED);

        assertThatCode(() -> faults.point(FaultInjection.AFTER_INBOUND_RECORDED)).doesNotThrowAnyException();
    }

    @Test
    void aMisspelledPointIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new FaultInjection("after-inbound"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("after-inbound-recorded");
    }
}
