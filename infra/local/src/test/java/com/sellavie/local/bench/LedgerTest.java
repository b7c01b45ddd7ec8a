package com.sellavie.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private static final long MS = 1_000_000L;
    private final Ledger ledger = new Ledger();

    @Test
    void latencyCountsFromTheDueTimeNotFromWhenTheRequestLeft() {
        // Given a DM due at t=1000 ms whose request left late (the pacer was held up): only the due time is kept
        ledger.fired(0, 0, true, "INSTAGRAM", "1200000001", 1000 * MS, 50_000);

        // When the stub receives its send at t=1450 ms
        ledger.accepted("INSTAGRAM", "1200000001", 1450 * MS, 50_450);

        Outcome outcome = ledger.outcomes().getFirst();
        assertThat(outcome.latencyMillis()).isEqualTo(450);
        assertThat(outcome.firstSendMillis()).isEqualTo(50_450);
    }

    @Test
    void aDmWithoutASendIsLostAndOneWithTwoIsDuplicated() {
        ledger.fired(0, 0, true, "INSTAGRAM", "1200000001", 0, 0);
        ledger.fired(1, 0, true, "MESSENGER", "1200000002", 10 * MS, 10);
        ledger.fired(2, 0, true, "WHATSAPP", "1200000003", 20 * MS, 20);
        ledger.accepted("MESSENGER", "1200000002", 300 * MS, 300);
        ledger.accepted("WHATSAPP", "1200000003", 400 * MS, 400);
        ledger.accepted("WHATSAPP", "1200000003", 900 * MS, 900);

        Accounting accounting = Accounting.of(ledger.outcomes());

        assertThat(accounting.dms()).isEqualTo(3);
        assertThat(accounting.replied()).isEqualTo(2);
        assertThat(accounting.lost()).isEqualTo(1);
        assertThat(accounting.duplicated()).isEqualTo(1);
        // The duplicate does not shift the latency: the first send counts.
        assertThat(accounting.latency().max()).isEqualTo(380);
    }

    @Test
    void aWhatsAppRecipientWithPlusAndSpacesIsTheSameCustomer() {
        ledger.fired(0, 0, true, "WHATSAPP", "1200000003", 0, 0);

        ledger.accepted("WHATSAPP", "+120 000 0003", 100 * MS, 100);

        assertThat(ledger.outcomes().getFirst().replied()).isTrue();
        assertThat(ledger.strays()).isZero();
    }

    @Test
    void sendsToSomeoneElseAreCountedApartAndChangeNoDm() {
        ledger.fired(0, 0, true, "INSTAGRAM", "1200000001", 0, 0);

        ledger.accepted("INSTAGRAM", "demo-customer-1", 100 * MS, 100);

        assertThat(ledger.strays()).isEqualTo(1);
        assertThat(ledger.outcomes().getFirst().replied()).isFalse();
    }

    @Test
    void aCustomerTwiceInOneRunIsRefused() {
        ledger.fired(0, 0, true, "INSTAGRAM", "1200000001", 0, 0);

        assertThatThrownBy(() -> ledger.fired(1, 0, true, "MESSENGER", "1200000001", 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ledger.outcomes()).hasSize(1);
    }

    @Test
    void webhookAcksCountFromTheDueTimeAndRefusalsAreErrors() {
        Ledger.Entry ok = ledger.fired(0, 0, true, "INSTAGRAM", "1200000001", 100 * MS, 100);
        Ledger.Entry refused = ledger.fired(1, 0, true, "INSTAGRAM", "1200000002", 200 * MS, 200);
        ledger.fired(2, 0, true, "INSTAGRAM", "1200000003", 300 * MS, 300);
        ledger.answered(ok, 200, 130 * MS);
        ledger.answered(refused, 503, 210 * MS);

        Accounting accounting = Accounting.of(ledger.outcomes());

        assertThat(accounting.acknowledged()).isEqualTo(1);
        assertThat(accounting.webhookErrors()).isEqualTo(2);
        assertThat(accounting.ack().p50()).isEqualTo(30);
        assertThat(Accounting.refusals(ledger.outcomes())).containsExactly(entry("503", 1L), entry("no answer", 1L));
    }

    @Test
    void allRepliedLooksOnlyAtTheAskedPhases() {
        ledger.fired(0, 0, false, "INSTAGRAM", "1200000001", 0, 0);
        ledger.fired(1, 1, true, "INSTAGRAM", "1200000002", 0, 0);
        ledger.accepted("INSTAGRAM", "1200000002", MS, 1);

        assertThat(ledger.allReplied(Set.of(1))).isTrue();
        assertThat(ledger.allReplied(Set.of(0, 1))).isFalse();
        assertThat(ledger.allReplied(Set.of())).isFalse();
    }

    @Test
    void outcomesComeInFiringOrder() {
        ledger.fired(1, 0, true, "INSTAGRAM", "1200000002", 0, 0);
        ledger.fired(0, 0, true, "INSTAGRAM", "1200000001", 0, 0);

        List<Outcome> outcomes = ledger.outcomes();

        assertThat(outcomes).extracting(Outcome::index).containsExactly(0, 1);
    }
}
