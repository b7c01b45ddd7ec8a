package com.sellavie.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DmFirerTest {

    @Test
    void everyShopGetsEveryChannelInTurn() {
        Map<String, Integer> perShopAndChannel = new HashMap<>();
        int shops = 4;
        for (int i = 0; i < 120; i++) {
            perShopAndChannel.merge(i % shops + "/" + DmFirer.channelOf(i, shops), 1, Integer::sum);
        }

        assertThat(perShopAndChannel).hasSize(12);
        assertThat(perShopAndChannel.values()).containsOnly(10);
    }

    @Test
    void everyDmHasItsOwnDigitsOnlyCustomer() {
        Set<String> customers = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            customers.add(DmFirer.customer("81234", i));
        }

        assertThat(customers).hasSize(1_000).allMatch(c -> c.matches("\\d+"));
    }
}
