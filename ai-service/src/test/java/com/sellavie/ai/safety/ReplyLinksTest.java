package com.sellavie.ai.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyLinksTest {

    private static final List<String> MERCHANT = List.of("Our size guide: https://lagoslinen.example/sizes");

    @Test
    void aLinkTheMerchantNeverWroteIsRemoved() {
        ReplyLinks.Result result = ReplyLinks.keepMerchantLinks("Pay at http://evil.example/pay?x=1 today.", MERCHANT);

        assertThat(result.text()).isEqualTo("Pay at today.");
        assertThat(result.removed()).isEqualTo(1);
    }

    @Test
    void theMerchantsOwnLinkStays() {
        ReplyLinks.Result result = ReplyLinks.keepMerchantLinks("See https://lagoslinen.example/sizes.", MERCHANT);

        assertThat(result.text()).isEqualTo("See https://lagoslinen.example/sizes.");
        assertThat(result.removed()).isZero();
    }

    @Test
    void aLinkStartingLikeTheMerchantsButGoingElsewhereIsRemoved() {
        assertThat(ReplyLinks.keepMerchantLinks("www.lagoslinen.example.evil.io", MERCHANT).removed()).isEqualTo(1);
    }
}
