package com.sellavie.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rotating the shared service token: every instance accepts both values before any sends the new one. */
class ServiceTokenRotationTest {

    private static final String OLD = "old-service-token-0123456789";
    private static final String NEW = "new-service-token-9876543210";

    @Test
    void phaseOneKeepsSendingTheOldTokenWhileAcceptingTheNewOne() {
        ServiceToken token = ServiceToken.from(new InternalProperties(OLD, null, NEW, null));

        assertThat(token.authorizationHeader()).isEqualTo("Bearer " + OLD);
        assertThat(token.matches(OLD)).isTrue();
        assertThat(token.matches(NEW)).isTrue();
    }

    @Test
    void phaseTwoSendsTheNewTokenAndStillAcceptsTheOldOneThenPhaseThreeOnlyTheNew() {
        ServiceToken phaseTwo = ServiceToken.from(new InternalProperties(NEW, null, OLD, null));
        ServiceToken phaseThree = ServiceToken.from(new InternalProperties(NEW, null));

        assertThat(phaseTwo.authorizationHeader()).isEqualTo("Bearer " + NEW);
        assertThat(phaseTwo.matches(OLD)).isTrue();
        assertThat(phaseThree.matches(NEW)).isTrue();
        assertThat(phaseThree.matches(OLD)).isFalse();
    }
}
