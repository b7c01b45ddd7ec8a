package com.sellavie.ingest.payment.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EndpointAnswerTest {

    static final String ID = "pe_0123456789abcdefghijKLMN";
    static final String SECRET = "sk_test_4f2a9c0b7e1d3a5f";
    final UUID business = UUID.randomUUID();

    @Test
    void becomesTheEndpointItDescribes() {
        PaymentEndpoint endpoint = answer("STRIPE", "STRIPE_SIGNATURE", List.of("whsec_new", "whsec_old")).toEndpoint(ID);

        assertThat(endpoint).isEqualTo(new PaymentEndpoint(ID, business, PaymentProvider.STRIPE, "TEST",
                VerificationScheme.STRIPE_SIGNATURE, List.of("whsec_new", "whsec_old")));
    }

    @Test
    void neverPrintsItsSecrets() {
        EndpointAnswer answer = answer("PAYSTACK", "PAYSTACK_HMAC_SHA512", List.of(SECRET));

        assertThat(answer.toString()).doesNotContain(SECRET).contains("<1 hidden>");
        assertThat(answer.toEndpoint(ID).toString()).doesNotContain(SECRET).contains("<1 hidden>");
    }

    @Test
    void refusesAnAnswerItCannotUseAsAWhole() {
        assertThatThrownBy(() -> answer("PAYSTACK", "STRIPE_SIGNATURE", List.of(SECRET)).toEndpoint(ID))
                .isInstanceOf(EndpointAnswer.InvalidAnswerException.class);
        assertThatThrownBy(() -> answer("PAYPAL", "PAYSTACK_HMAC_SHA512", List.of(SECRET)).toEndpoint(ID))
                .isInstanceOf(EndpointAnswer.InvalidAnswerException.class);
        assertThatThrownBy(() -> answer("PAYSTACK", "PAYSTACK_HMAC_SHA512", List.of(SECRET))
                .toEndpoint("pe_someoneElse000000000000")).isInstanceOf(EndpointAnswer.InvalidAnswerException.class);
    }

    @Test
    void dropsBlankSecrets() {
        assertThat(answer("FLUTTERWAVE", "FLUTTERWAVE_VERIF_HASH", java.util.Arrays.asList("", null, "hash"))
                .toEndpoint(ID).secrets()).containsExactly("hash");
    }

    private EndpointAnswer answer(String provider, String scheme, List<String> secrets) {
        return new EndpointAnswer(ID, business.toString(), provider, "TEST", scheme, secrets);
    }
}
