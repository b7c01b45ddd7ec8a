package com.sellavie.commerce.checkout;

import static com.sellavie.commerce.support.Checkouts.publish;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.commerce.support.Checkouts;
import com.sellavie.commerce.support.Checkouts.Customer;
import com.sellavie.commerce.support.CommerceServiceTest;
import com.sellavie.commerce.support.KafkaEvents;
import com.sellavie.commerce.support.Providers;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.messaging.OutboundMessageRequested;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** PAYMENT_STATUS and INVOICE are answered about the asking customer's own orders only. */
@CommerceServiceTest
class OrderQuestionsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void paymentStatusOfTheCustomersOwnOrderIsToldTruthfully() {
        Customer customer = Customer.of(UUID.randomUUID());
        String secret = Providers.configure(port, customer.business(), "PAYSTACK");
        UUID order = Checkouts.orderWithLink(port, customer, secret, "status-" + customer.business());

        OutboundMessageRequested answer = answerTo(Checkouts.paymentStatus(customer, order.toString()));

        assertThat(answer.getPurpose()).isEqualTo("PAYMENT_STATUS");
        assertThat(answer.getReference()).isEqualTo(order.toString());
        assertThat(answer.getText()).isEqualTo("Your order for 1 x Linen shirt (NGN 25,000.00) is waiting for payment. "
                + "You can pay here: https://checkout.paystack.com/status-" + customer.business());
    }

    @Test
    void anotherCustomersOrderIsNeverDescribed() {
        Customer owner = Customer.of(UUID.randomUUID());
        String secret = Providers.configure(port, owner.business(), "PAYSTACK");
        UUID order = Checkouts.orderWithLink(port, owner, secret, "private-" + owner.business());
        Customer someoneElse = Customer.of(owner.business());

        OutboundMessageRequested answer = answerTo(Checkouts.paymentStatus(someoneElse, order.toString()));

        assertThat(answer.getConversationId()).isEqualTo(someoneElse.conversation());
        assertThat(answer.getText()).isEqualTo("Sorry, I couldn't find that order for you. Someone from the team will "
                + "follow up.");
        assertThat(answer.getReference()).isNull();
    }

    @Test
    void anotherBusinesssOrderIsNeverDescribed() {
        Customer owner = Customer.of(UUID.randomUUID());
        String secret = Providers.configure(port, owner.business(), "PAYSTACK");
        UUID order = Checkouts.orderWithLink(port, owner, secret, "foreign-" + owner.business());
        // the same contact id in another business (ids come from the model: never trusted)
        Customer elsewhere = new Customer(UUID.randomUUID(), UUID.randomUUID(), owner.contact());

        OutboundMessageRequested answer = answerTo(Checkouts.invoice(elsewhere, order.toString()));

        assertThat(answer.getText()).startsWith("Sorry, I couldn't find that order for you.");
    }

    @Test
    void invoiceOfAnUnpaidOrderComesOncePaid() {
        Customer customer = Customer.of(UUID.randomUUID());
        String secret = Providers.configure(port, customer.business(), "PAYSTACK");
        UUID order = Checkouts.orderWithLink(port, customer, secret, "invoice-" + customer.business());

        OutboundMessageRequested answer = answerTo(Checkouts.invoice(customer, order.toString()));

        assertThat(answer.getPurpose()).isEqualTo("INVOICE");
        assertThat(answer.getText()).isEqualTo("The invoice for your order for 1 x Linen shirt comes once the payment "
                + "is confirmed. You can pay here: https://checkout.paystack.com/invoice-" + customer.business());
    }

    private static OutboundMessageRequested answerTo(ReplyGenerated reply) {
        publish(reply);
        return KafkaEvents.awaitCount(Checkouts.OUTBOUND, OutboundMessageRequested.class,
                e -> e.getCausationId() != null && e.getCausationId().equals(reply.getEventId().toString()), 1)
                .getFirst().value();
    }
}
