package com.sellavie.commerce.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sellavie.commerce.invoice.Invoice.InvoiceLine;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvoiceTest {

    @Test
    void numbersAreTheYearAndASixDigitSequence() {
        assertThat(Invoice.number(2026, 42)).isEqualTo("INV-2026-000042");
        assertThat(Invoice.number(2027, 1)).isEqualTo("INV-2027-000001");
        assertThat(Invoice.number(2026, 1_234_567)).isEqualTo("INV-2026-1234567");
        assertThatThrownBy(() -> Invoice.number(2026, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theYearIsThePaymentsYearInUtc() {
        // 00:30 on 1 January in Lagos is still the old year in UTC.
        assertThat(Invoice.yearOf(Instant.parse("2026-12-31T23:30:00Z"))).isEqualTo(2026);
        assertThat(Invoice.yearOf(Instant.parse("2027-01-01T00:00:00Z"))).isEqualTo(2027);
    }

    @Test
    void theReceiptSaysWhatWasPaidAndTheNumberAndPromisesNoLink() {
        Invoice invoice = new Invoice(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "INV-2026-000042", 2026,
                42, 5_500_000, "NGN", "PAYSTACK", "SLV-ABC", UUID.randomUUID(), Instant.now(), Instant.now(),
                List.of(new InvoiceLine("SHIRT", "Linen shirt", 2, 2_500_000), new InvoiceLine("CAP", "Cap", 1, 500_000)));

        assertThat(ReceiptText.of(invoice)).isEqualTo("Payment received, thank you! You paid NGN 55,000.00 for "
                + "2 x Linen shirt, 1 x Cap (reference SLV-ABC). Your invoice number is INV-2026-000042; the invoice "
                + "is available from the shop.").doesNotContain("http");
    }
}
